# Commands (descriptions in Telegram's menu)
cmd-start = Main menu and joining by invitation
cmd-menu = Main menu
cmd-privacy = What data the bot keeps about me
cmd-language = Change language
cmd-cancel = Stop the current action
cmd-help = What the bot does
cmd-newschool = New school and programme (operator)

# Common
error-apology = Sorry, something went wrong. We are looking into it — please try again a little later.
private-only = I only work in private messages, where your data is safe. Write to me directly: @{ $bot }
button-stale = This button is out of date or not available. Open /menu.
common-page-count = { $from }–{ $to } of { $total }
common-prev = ◀️
common-next = ▶️
not-allowed = This action is not available to you.
operator-only = Only the operator who sets up schools can do this.
curator-only = Only a curator of this programme can do this.
cancelled = Stopped; nothing was saved. Main menu: /menu
nothing-to-cancel = There is nothing to stop right now. Main menu: /menu
unknown-input = I did not understand that. Open /menu to see what I can do.
help =
    I help a school run its mentorship programme: invitations, questionnaires, pairs, meetings and reports.
    /menu — main menu
    /privacy — what the bot keeps about me, withdrawing consent
    /language — language
    /cancel — stop the current action
# Shared by every feature: back, the main menu, cancel, pages.
common-cancel = ✖️ Cancel
common-back = ⬅️ Back
common-menu = 🏠 Main menu

# Language
language-ru = 🇷🇺 Русский
language-en = 🇬🇧 English
language-choose = Choose a language:
language-set = Language: English.

# Main menu
menu-title = Main menu
menu-empty =
    You are not in any mentorship programme yet.
    To join, open the invitation link from your school's curator.
menu-roles = Your roles — choose one to open:
menu-new-school = 🏫 New school and programme
menu-language = 🌐 Язык / Language
menu-role-button = { $role } · { $school }, { $year }

# Roles and categories
flood-slow-down = Too many messages in a row. Wait a few seconds and go on.
person-named = { $name } ({ $label })
role-curator = Curator
role-mentor = Mentor
role-mentee = Mentee
role-director = Director
category-student = student
category-teacher = teacher
category-employer = employer's representative
category-university = university representative
category-student-grade = student of class { $grade }

# Who a person is in the programme, as whole phrases ($role, $category, $grade: 0 when no grade is given)
who-nom = { $role ->
    [mentor] { $category ->
        [teacher] a teacher mentor
        [student] { $grade ->
            [0] a student mentor
           *[other] a student mentor (grade { $grade })
        }
        [employer] a mentor from an employer
        [university] a mentor from a university
       *[none] a mentor
    }
    [mentee] { $category ->
        [teacher] a teacher mentee
        [student] { $grade ->
            [0] a student mentee
           *[other] a student mentee (grade { $grade })
        }
       *[none] a mentee
    }
    [director] a director
   *[curator] a curator
}
who-gen = { who-nom }

# Forms of mentoring
form-student-student = student – student
form-teacher-teacher = teacher – teacher
form-teacher-student = teacher – student
form-employer-student = employer – student
form-university-student = university student – student

# Operator: new school
school-ask-name = New school. What is the school called? Write its full name.
    /cancel — stop
school-ask-city = Which city or town is the school in?
school-ask-timezone = The school's time zone? Choose a button or type a name such as Europe/Moscow.
tz-kaliningrad = Kaliningrad (UTC+2)
tz-moscow = Moscow (UTC+3)
tz-samara = Samara (UTC+4)
tz-yekaterinburg = Yekaterinburg (UTC+5)
tz-omsk = Omsk (UTC+6)
tz-novosibirsk = Novosibirsk (UTC+7)
tz-krasnoyarsk = Krasnoyarsk (UTC+7)
tz-irkutsk = Irkutsk (UTC+8)
tz-yakutsk = Yakutsk (UTC+9)
tz-vladivostok = Vladivostok (UTC+10)
tz-magadan = Magadan (UTC+11)
tz-kamchatka = Kamchatka (UTC+12)
school-bad-timezone = There is no such time zone. Choose a button or type one like Europe/Moscow.
school-ask-year = The programme's academic year?
school-ask-forms = Which forms of mentoring will the programme run? Tick one or more and press "Done".
school-forms-none = Tick at least one form.
school-forms-done = ✅ Done
school-summary =
    Please check:
    School: { $name }
    City: { $city }
    Time zone: { $tz }
    Academic year: { $year }
    Forms: { $forms }
school-create = ✅ Create
school-created =
    Done: the school "{ $name }" and the { $year } programme are created.
    Below is the curator's invitation. Give the link to the curator in person: it lets them into the bot.
school-exists-programme = The school "{ $name }" already has a programme for { $year }. Nothing was created.
school-invalid = Some details of the school are missing: its name, city, time zone, academic year and at least one form. Nothing was created.
school-reused = The school "{ $name }" ({ $city }) was already known — the programme was added to it.

# Text input
input-empty = The answer is empty. Please write it as text.
input-too-long = Too long: { $max } characters at most.
input-not-text = I need text. Write your answer as a message or press /cancel.
input-use-buttons = Choose an option with the buttons under the message, or press /cancel.

# Invitations
invite-created =
    Invitation: { $role }{ $category }
    Programme: { $school }, { $year }
    Valid until { $expires }, places: { $uses }.

    Link: { $link }

    Forward the link or print the QR code below.
invite-qr-caption = Invitation QR code: { $role }{ $category }, { $school }. Point a phone camera at it to open Telegram.
invite-choose-role = Whom do you invite?
invite-choose-category = Who is this { $role }?
invite-choose-grade = Which class is the student in?
invite-choose-uses = How many people may join with this link?
invite-uses-one = 1 — personal
invite-uses-n = { $n }
invite-grade = class { $grade }
invite-list-title = Invitations of the programme ({ $total }):
invite-list-empty = No invitations yet.
invite-list-item = { $n }. { $role }{ $category } — { $status }, joined { $used } of { $max }, until { $expires }
invite-status-usable = valid
invite-status-expired = expired
invite-status-revoked = revoked
invite-status-used-up = no places left
invite-revoke-button = ✖️ Revoke no. { $n }
invite-revoked = The invitation is revoked: nobody can join with the link any more.
invite-already-revoked = This invitation is already revoked.

# Joining by link
link-malformed = The link is damaged: it looks copied only in part. Ask the curator to send it again.
link-unknown = No such invitation. Check the link or ask the curator for a new one.
link-expired = The invitation has expired. Ask the curator for a new link.
link-revoked = The curator has revoked this invitation. If this is a mistake, ask for a new link.
link-used-up = The largest number of people has already joined with this link. Ask the curator for a new one.
link-already-member = You are already in the programme "{ $school }" ({ $year }): { $role }. Nothing needs changing.
link-welcome-curator =
    Welcome! You are a curator of the mentorship programme "{ $school }", { $year }.
    Invite mentors and mentees from the curator's menu.
link-welcome-participant =
    Welcome to the mentorship programme "{ $school }", { $year }!
    You are invited as { who-nom }.
    Next: consent to the processing of personal data, and a questionnaire. The bot will remind you.

# Curator's panel
curator-panel =
    Curator · { $school }, { $year }
    Forms: { $forms }
    Participants: curators — { $curators }, mentors — { $mentors }, mentees — { $mentees }
curator-invite = ➕ Invite
curator-invitations = 📋 Invitations

# Participant's panel
participant-panel =
    { $role }{ $category } · { $school }, { $year }
    Status: { $status }

# Questionnaires

## Questions
q-full-name = What is your name? Write your surname, first name and patronymic, e.g. Ivanova Anna Sergeevna. Students may leave out the patronymic.
q-subjects = Which subjects do you teach, and in which classes? For example: maths, classes 5–7.
q-experience = How many full years have you worked in your profession? Write a number, e.g. 2. If less than a year, write 0.
q-age-band = How old are you? This is only for statistics: the city counts how many young teachers take part in mentoring.
q-requests = What do you need help with? Tick 1 to 5 topics.
q-work-satisfaction = How satisfied are you with your work right now? 1 — not at all, 10 — completely.
q-help-kinds = What kind of help suits you? Tick everything that fits.
q-format = How would you like to meet?
q-availability = When is it convenient for you to meet? Tick every option that fits.
q-expectations = What do you expect from mentoring? Write briefly, in your own words. If you prefer not to, press “Skip”.
q-help-subjects = Which subjects do you need help with? For example: algebra, English. If you need no help with subjects, press “Skip”.
q-interests = What are you into? Write briefly about clubs, sports, hobbies. You can press “Skip”.
q-school-confidence = How confident do you feel at school? 1 — not at all, 10 — very confident.
q-mentor-preference = What kind of mentor would suit you best?
q-qualification = What is your qualification category?
q-competencies = What can you help with? Tick 1 to 8 topics.
q-mentored-before = Have you been a mentor before?
q-mentoring-experience = Tell us briefly about your mentoring experience: whom you mentored, for how long, what worked.
q-capacity = How many mentees can you take at once? The regulation allows no more than three.
q-time-per-month = How much time a month can you give to mentoring?
q-strong-subjects = Which subjects and activities are you strong in? For example: chemistry, programming, volleyball.
q-achievements = Your achievements: olympiads, contests, projects, school life. Write briefly or press “Skip”.
q-motivation = Why do you want to become a mentor? Write a sentence or two.
q-organisation = Where do you work or study? Write the name of the organisation or university.
q-position = What is your position or field? For example: process engineer, or 3rd-year student.
q-can-offer = What can you offer students? Tick everything that fits.
q-can-teach = What can you show students and teach them? Write briefly or press “Skip”.

## Short labels of questions (card, /privacy, spreadsheets)
qlabel-full-name = Full name
qlabel-subjects = Subjects and grades
qlabel-experience = Experience, years
qlabel-age-band = Age
qlabel-requests = Requests
qlabel-work-satisfaction = Job satisfaction
qlabel-help-kinds = Kinds of help
qlabel-format = Meeting format
qlabel-availability = Convenient times
qlabel-expectations = Expectations
qlabel-help-subjects = Subjects to help with
qlabel-interests = Interests
qlabel-school-confidence = Confidence at school
qlabel-mentor-preference = Preferred mentor
qlabel-qualification = Qualification category
qlabel-competencies = Competencies
qlabel-mentored-before = Mentored before
qlabel-mentoring-experience = Mentoring experience
qlabel-capacity = Mentees at once
qlabel-time-per-month = Time per month
qlabel-strong-subjects = Strong subjects
qlabel-achievements = Achievements
qlabel-motivation = Motivation
qlabel-organisation = Organisation
qlabel-position = Position
qlabel-can-offer = Can offer
qlabel-can-teach = Can teach

## Answer options
opt-yes = Yes
opt-no = No
opt-offline = In person
opt-online = Online
opt-any = No preference
opt-weekdays-morning = Weekdays, morning
opt-weekdays-afternoon = Weekdays, afternoon
opt-weekdays-evening = Weekdays, evening
opt-weekend = Weekend
opt-under-35 = Under 35
opt-age-35-plus = 35 or older
opt-visit-mentor-lessons = Attend my mentor's lessons
opt-mentor-visits-my-lessons = Mentor attends my lessons
opt-consultations = Consultations
opt-joint-preparation = Prepare lessons together
opt-older-student = An older student
opt-teacher = A teacher
opt-professional = A company or university expert
opt-no-category = No category
opt-position-match = Fit for the post
opt-first-category = First category
opt-highest-category = Highest category
opt-teacher-methodist = Teacher-methodologist
opt-teacher-mentor = Teacher-mentor
opt-hours-1-2 = 1–2 hours
opt-hours-3-4 = 3–4 hours
opt-hours-5-8 = 5–8 hours
opt-hours-9-plus = More than 8 hours
opt-career-talks = A talk about my profession
opt-master-classes = Master classes
opt-excursions = Visits to a company or university
opt-joint-projects = Joint projects
opt-internships = Work placement or internship

## Topics: mentees' requests and mentors' competencies
topic-lesson-planning = Lesson planning and methods
topic-paperwork = Work programmes and paperwork
topic-discipline = Discipline and class motivation
topic-low-motivation = Pupils with low motivation
topic-special-needs = Special needs, non-native speakers
topic-gifted-pupils = Gifted pupils and olympiads
topic-parents = Working with parents
topic-colleagues = Colleagues and administration
topic-certification = Certification
topic-digital-tools = Digital tools
topic-research-projects = Projects and research
topic-class-teacher = Form tutoring
topic-burnout = Stress and burnout
topic-subject-knowledge = Subject knowledge
topic-subject-help = Help with a subject
topic-adaptation = Settling into a class or school
topic-communication = Communication and friends
topic-self-organisation = Self-organisation and study
topic-olympiads = Olympiads and contests
topic-projects = Projects
topic-leadership = Leadership and school life
topic-career-guidance = Choosing a career
topic-creativity-sports = Arts and sports
topic-professions = Professions and industries
topic-internships = Projects and internships
topic-soft-skills = Soft skills
topic-education-path = Where to study next

# Consent to the processing of personal data (152-FZ)
consent-adult-v1 =
    Consent to the processing of personal data (version 1)

    Operator: { $school } — the school running the mentorship programme { $year }.
    Purpose: your taking part in the programme as { who-gen }: pairing, an individual plan, meetings, reports and monitoring.
    Data: full name; subject, class or workplace; years of experience; questionnaire answers (requests or competencies, format, convenient times); meeting records and feedback; your Telegram id.
    Term: until the programme ends and 1 more year for the school's reporting, then the data is deleted.
    How to withdraw: at any time — /privacy → "Withdraw consent". Your answers and personal data will be deleted.

    This consent is separate and not bundled with any other document. Taking part is voluntary.
consent-parent-v1 =
    A parent's (legal guardian's) consent to the processing of a child's personal data (version 1)

    The child in Telegram: { $child }
    The child is invited to the programme as { who-nom }.
    Operator: { $school } ({ $city }) — the school running the mentorship programme { $year }.
    Purpose: the child's taking part in the programme — finding a mentor or mentee, a plan, meetings, reports and monitoring.
    The child's data: full name; class; questionnaire answers (requests, interests, format, convenient times); meeting records and feedback; Telegram id. About you only your Telegram id and the fact of consent are kept.
    Term: until the programme ends and 1 more year for the school's reporting, then the data is deleted.
    How to withdraw: at any time — /privacy → "Withdraw consent for the child". The child's data will be deleted.

    This consent is separate and not bundled with any other document. Taking part is voluntary.
consent-accept = ✅ I consent
consent-decline = ✖️ I do not consent
consent-ask-age = Are you 18 or older? If not, a parent gives the consent to data processing.
consent-age-adult = Yes, 18 or older
consent-age-minor = No, under 18
consent-thanks = Thank you, your consent is recorded. Next, a short questionnaire: it helps to find your pair.
consent-declined-self = Understood: without consent we keep nothing about you, and you do not take part. If you change your mind, open /menu and press "Give consent".
consent-parent-needed =
    A parent's (legal guardian's) consent is needed: without it the questionnaire cannot be filled in.
    Forward this link to your parent or show them the QR code below — they open it in their own Telegram:
    { $link }
    The link is valid for 14 days. I will write to you when your parent answers.
consent-parent-qr-caption = QR code for the parent: point a phone camera at it to open Telegram.
consent-parent-link-replaced = The earlier link for your parent no longer works: only this one does.
consent-relation-self = the participant
consent-relation-parent = a parent
consent-method-bot = in the bot
consent-method-paper = on paper
consent-decision-accepted = consent given
consent-decision-declined = consent declined
consent-decision-withdrawn = consent withdrawn
consent-already-parent = We are waiting for your parent's consent. A new link for them is in the programme's menu.
consent-already-questionnaire = Consent is already given — you can fill in the questionnaire.
consent-already-ready = Consent is given and the questionnaire is filled in.
intake-busy = The previous step is not finished yet. Please try again in a few seconds.

# Parent
parent-child-unnamed = (no name given)
parent-link-is-for-parent = This link is for your parent: they give consent from their own phone.
parent-link-used = Someone else has already answered with this link. If this is a mistake, ask the child to get a new link.
parent-link-expired = The link has expired. Ask the child to get a new one in the programme's menu.
parent-link-replaced = This link has been replaced by a newer one: the child got another link for a parent. Ask them to send you the latest.
parent-already-answered = You have already answered with this link.
parent-thanks = Thank you! The consent is recorded. You can withdraw it at any time with /privacy.
parent-declined = Understood, no consent is given. The child's data is not kept. The school will know your decision.
child-parent-accepted = Your parent has given consent. You can fill in the questionnaire now.
child-parent-declined = Your parent has not consented to data processing, so you cannot take part through the bot. If this is a mistake, talk to your parent or the curator.
child-parent-withdrew = Your parent has withdrawn the consent to processing your data. Your answers are deleted.

# Notices to curators
curator-consent-declined = Consent declined ({ $relation }): { who-nom }. No data kept.
curator-parent-accepted = A parent has given consent for their child ({ who-nom }). The participant can fill in the questionnaire.
curator-consent-withdrawn = Consent withdrawn ({ $relation }): { who-nom }. Answers and personal data removed from the bases.

# Participant statuses
intake-invited = invited, no consent
intake-parent = waiting for a parent's consent
intake-declined = consent declined
intake-questionnaire = filling in the questionnaire
intake-ready = ready
questionnaire-not-yet-invited = Consent to data processing comes first.
questionnaire-not-yet-parent = A parent's consent comes first.
questionnaire-not-yet-declined = Without consent the questionnaire cannot be filled in.

# Participant's panel
participant-give-consent = ✅ Give consent
participant-consent-again = ✅ Changed my mind: give consent
participant-parent-link-again = 🔗 Link for my parent
participant-my-questionnaire = 📝 My questionnaire
privacy-button = 🔒 My data

# Questionnaire: common
questionnaire-start = 📝 Fill in the questionnaire
question-header = Question { $n } of { $total }
question-hint-text = Write your answer as a message.
question-hint-number = Write a number from { $min } to { $max }.
question-hint-choice = Choose an option with a button.
question-hint-multi = Tick what fits and press "Done".
question-current = Now: { $answer }
question-back = ⬅️ Back
question-skip = Skip ➡️
question-done = ✅ Done
question-done-count = ✅ Done ({ $count } ticked)
answer-none = —
answer-skipped = (skipped)
answer-not-text = I need a text answer.
answer-empty = The answer is empty. Please write it as text.
answer-not-a-number = I need a number in digits, such as 3.
answer-out-of-range = I need a number from { $min } to { $max }.
answer-unknown-option = There is no such option. Choose with a button.
answer-too-few = Tick at least { $min }.
answer-too-many = You can tick { $max } at most.
answer-required = This question needs an answer.
summary-title = Check your questionnaire. To change an answer, press its number.
summary-change = ✏️ { $n }
summary-submit = ✅ Submit
summary-save = ✅ Save the changes
summary-later = I will come back later
questionnaire-paused = Your answers are saved. Continue at any time: /menu → your programme.
questionnaire-recheck = One answer needs another look: the programme's topic list has changed. Please answer it again.
questionnaire-submitted = The questionnaire is sent to the curator. Thank you! You can change your answers in the programme's menu.
questionnaire-closed = The questionnaire is not available: consent is not given or was withdrawn. Open /menu.

# /privacy
privacy-title = 🔒 What the bot keeps about you
privacy-account = Telegram id: { $id }; language: { $language }.
privacy-role = { $role }{ $category } · { $school }, { $year }
privacy-curator-only-id = For a curator only the Telegram id is kept.
privacy-status = Status: { $status }
privacy-consent-line = { $date } — { $decision } ({ $relation }, { $method }, text version { $version })
privacy-answers = Questionnaire answers: { $count }
privacy-no-answers = No questionnaire.
privacy-parent-of = You consented as a parent ({ $date }) for a child taking part in «{ $school }» as { who-nom }. About you only the Telegram id is kept.
privacy-file = 📄 Get a file with my data
privacy-file-title = The data the bot keeps about you
privacy-file-name = my-data.txt
privacy-file-caption = Everything the bot keeps about you, in one file.
privacy-withdraw = 🗑 Withdraw consent: { $school }
privacy-withdraw-child = 🗑 Withdraw consent for the child: { $school }
privacy-withdraw-confirm = Withdraw consent? Your questionnaire answers and personal data will be deleted and you will leave the programme's bases. Only an anonymous note that consent was withdrawn stays.
privacy-withdraw-child-confirm = Withdraw consent for the child? The child's answers and personal data will be deleted and they will leave the programme's bases.
privacy-withdraw-yes = Yes, withdraw and delete
privacy-withdraw-no = No, keep it
privacy-withdrawn = Consent withdrawn, your data deleted. The curator has been told.
privacy-withdrawn-child = Consent withdrawn, the child's data deleted. The child and the curator have been told.

# Curator's bases
curator-bases = 👥 Bases of mentors and mentees
bases-title = Bases of the programme "{ $school }", { $year }
bases-line =
    { $role }: { $total } in all
    • invited, no consent — { $invited }
    • waiting for a parent's consent — { $parent }
    • consent declined — { $declined }
    • filling in the questionnaire — { $questionnaire }
    • ready — { $ready }
bases-mentors = 🧑‍🏫 Mentors
bases-mentees = 🎒 Mentees
bases-export = 📊 XLSX export
bases-remind = 🔔 Remind those stuck
bases-topics = 🏷 Topics of requests and competencies
bases-reminded = Reminders sent: { $count }.
bases-list-title = { $role } · status: { $status } · category: { $category } · topic: { $topic } — { $count }
bases-list-item = { $n }. { $name } — { $category } — { $status }
bases-list-empty = Nobody here.
bases-no-name = (no questionnaire yet)
bases-filter-all = all
bases-filter-status = Status ▸
bases-filter-category = Category ▸
bases-filter-topic = Topic ▸
card-title = { $name } — { $role }{ $category }
card-consents = Consent:
card-no-consents = none yet
card-paper = signed by { $signer }, { $date }
card-answers = Questionnaire:
card-answers-draft = Questionnaire (still being filled in):
card-write = ✉️ Write
write-ask = Write your message to the participant (up to 1000 characters). The bot forwards it on behalf of the programme. /cancel — stop
write-from-curator = A message from the curator of the mentorship programme "{ $school }":
    { $text }
write-sent = The message is sent.
write-not-delivered = Not delivered: the participant seems to have stopped the bot.
card-paper-consent = 📝 Record a paper consent
remind-consent = A reminder from the mentorship programme "{ $school }": to take part, your consent to data processing is needed.
remind-parent = A reminder from the mentorship programme "{ $school }": we are still waiting for your parent's consent. Forward them the link again.
remind-questionnaire = A reminder from the mentorship programme "{ $school }": your questionnaire is not finished — the answers are saved, continue where you stopped.

# Paper consent
paper-ask-signer = Paper consent: { $who }. Who signed it? Write the surname and initials.
paper-ask-signer-parent = A parent's paper consent: { $who }. Which parent signed it? Write the surname and initials.
paper-ask-date = The date on the consent? Write it like 15.09.2026.
paper-bad-date = I did not understand the date. Write it like 15.09.2026 (not later than today).
paper-confirm =
    Record the paper consent?
    Participant: { $who }
    Signed by: { $signer }
    Date: { $date }
paper-save = ✅ Record
paper-saved = The paper consent is recorded. The participant can fill in the questionnaire — I have told them.
paper-not-needed = This participant already has a consent.
paper-recorded-for-you = The curator has recorded a paper consent to data processing. You can fill in the questionnaire now.

# Topics
topics-title = Topics of requests and competencies ({ $count }). Mentees choose their requests from them, mentors their competencies.
topics-remove = ✖️ { $n }
topics-add = ➕ Add a topic
topics-ask-label = Write the new topic's name (up to 60 characters).
topics-added = The topic "{ $label }" is added.
topics-removed = The topic is removed.
topics-keep-one = At least one topic must stay.

# Export
xlsx-file-name = mentorship-bases
xlsx-caption = Bases of mentors and mentees: { $school }, { $year }
xlsx-sheet-mentor = Mentors
xlsx-sheet-mentee = Mentees
xlsx-col-n = No.
xlsx-col-name = Full name
xlsx-col-category = Category
xlsx-col-status = Status
xlsx-col-consent-date = Consent date
xlsx-col-consent-how = Consent given by
xlsx-col-competencies = Competencies
xlsx-col-requests = Requests
xlsx-col-format = Format
xlsx-col-availability = Convenient times
xlsx-col-experience = Experience, years
xlsx-col-capacity = Mentees at once
xlsx-col-submitted = Questionnaire sent
xlsx-col-other = Other answers

# Matching
match-topics = shared topics: { $topics }
match-mutual = mutual choice
match-mentee-choice = mentee's choice (#{ $rank })
match-mentor-choice = mentor's choice (#{ $rank })
match-format-match = format fits
match-format-mismatch = different formats: { $mentee } and { $mentor }
match-format-offline = in person
match-format-online = online
match-format-any = any
match-shared-time = shared time: { $slots }
match-category-student = students
match-category-teacher = teachers
match-unmatched-no-form = the programme runs no form of mentoring for { $category }
match-unmatched-no-mentor-with-capacity = no mentor of a suitable form has a free place
match-unmatched-no-shared-topic = mentors with free places share no topic with the request and no choice
match-unmatched-outbid = the suitable mentors' places went to mentees they fit better
match-best-candidate = best candidate: { $mentor } ({ $form }, fit: { $fit })

# Pairs and groups: role models (regulation 2.2.5, 2.3.5, 2.4.5)
role-model-achiever-underachiever = high achiever – underachiever
role-model-leader-passive = leader – passive
role-model-peer-to-peer = peer – peer
role-model-experienced-young = experienced teacher – young specialist
role-model-leader-struggling = leader of the teaching community – teacher facing difficulties
role-model-innovator-conservative = innovative teacher – conservative teacher
role-model-experienced-inexperienced-subject = experienced subject teacher – inexperienced subject teacher
role-model-professional-indifferent = active professional – indifferent consumer
role-model-colleague-young-colleague = colleague – young colleague
role-model-employer-future-employee = employer – future employee

# Reasons to replace the mentor (2.8, 5.1)
reason-replace-mentor-left = the mentor's employment ended (the mentor left the school)
reason-replace-transfer = the mentor or the mentee moved to another position or department
reason-replace-mentor-request = the mentor's request
reason-replace-mentee-request = the mentee's request (petition to replace the mentor)
reason-replace-mentor-not-fulfilling = the mentor does not fulfil the mentoring or other duties
reason-replace-long-absence = the mentor's long absence (illness or other causes)
reason-replace-incompatibility = psychological incompatibility of the mentor and the mentee
reason-replace-other = other circumstances preventing the mentoring

# Reasons to extend the term (2.9)
reason-extend-incapacity = temporary incapacity for work
reason-extend-business-trip = business trip
reason-extend-absence = other long absence for a good reason

# Reasons to end early (2.10)
reason-end-mentee-not-fulfilling = the mentee does not fulfil the duties
reason-end-mentee-left = the mentee moved or left
reason-end-mutual-agreement = by agreement of the mentor and the mentee
reason-end-other = other circumstances

# Pair statuses
pair-status-awaiting = waiting for agreement
pair-status-active = active
pair-status-declined = declined
pair-status-ended = ended

# Pair history
pair-event-proposed = pair proposed
pair-event-agreed = participant agreed
pair-event-declined = participant declined
pair-event-activated = pair started work
pair-event-order = approved by order
pair-event-mentor-replaced = mentor replaced
pair-event-extended = term extended
pair-event-ended-early = mentoring ended early
pair-event-ended = mentoring completed
pair-event-replacement-requested = mentor replacement requested

# Term of mentoring and the mentor's limit
term-problem-end-before-start = The end date must be after the start date.
term-problem-too-long = Mentoring lasts at most two years.
term-problem-start-too-old = The start date cannot be more than a year ago.
term-problem-start-too-far = The start date cannot be more than a year ahead.
extension-problem-not-later = The new end date must be later than the current one.
date-problem-not-a-date = That is not a date — write DD.MM.YYYY, e.g. 31.05.2026.
date-problem-in-the-future = The date is in the future — give today or a past day.
date-problem-before-start = Before the start — this date cannot be earlier than the start date.
limit-problem-out-of-range = A mentor has 1 to 3 mentees at once (regulation, 2.5).

# Pairs and groups: curator
curator-pairs = 🤝 Pairs and groups
pairs-home =
    Pairs and groups · { $school }, { $year }
    Mentors ready: { $mentors }, selected and trained: { $trained }
    Mentees without a pair: { $pool }
    Waiting for agreement: { $awaiting } · active: { $active }
    Preference round: { $round }
pairs-round-open = open until { $until }
pairs-round-none = not open
pairs-mentors = 🎓 Mentors: selection, training, limit
pairs-round = 🗳 Preference round
pairs-propose = ✨ Matching
pairs-manual = ✍️ A pair or group by hand
pairs-list = 📋 All pairs and groups
pairs-order = 📄 The order and its list
pairs-mentors-title = Mentors. Press a number to mark training and set the limit.
pairs-mentor-line = { $n }. { $name } — { $trained }, limit { $limit }, free { $free }
pairs-trained-on = selected and trained { $date }
pairs-not-trained = not trained
pairs-mentor-card =
    { $name }
    { $trained }
    Mentees at once: { $limit } (3 at most by the regulation), free: { $free }
pairs-mark-trained = ✅ Selected and trained (today)
pairs-unmark-trained = ↩️ Remove the training mark
pairs-trained-removed = The training mark is removed.
pairs-limit = Limit { $n }
pairs-trained-saved = Marked: selected and trained.
pairs-limit-saved = Limit saved.
pairs-limit-below-load = Not possible: the mentor already has more mentees than this limit.
pairs-list-title = Pairs and groups ({ $count }):
pairs-list-item = { $n }. { $mentor } → { $mentees } — { $status }, until { $end }
proposal =
    Proposal { $n } of { $total }
    Mentor: { $mentor }
    Mentee: { $mentee }
    Form: { $form }
    Fit points: { $fit }
    Why: { $why }
proposal-accept = ✅ Accept
proposal-swap = 🔁 Another mentor
proposal-skip = ⏭ Skip
proposal-sent = The pair is proposed to its people: waiting for everyone's agreement.
proposal-no-longer = This proposal no longer holds: the mentor has no places or the mentee is already paired.
proposal-swap-title = Choose another mentor (the best fits with free places):
proposal-swap-none = No other suitable mentor has free places.
proposal-swap-option = { $name } — { $fit } points
proposals-done = No more proposals. There were { $count }.
proposals-unmatched = Left without a pair (the search goes on):
propose-failed-mentor-full = Not done: the mentor has no free places left.
propose-failed-mentee-taken = Not done: the mentee is already in another pair.
propose-failed-not-ready = Not done: a participant is not ready yet (no consent or questionnaire).
propose-failed-group-size = A group has 1 to 3 mentees.
manual-nobody = Nobody to pair yet: ready mentees without a pair and trained mentors with free places are needed.
manual-choose-mentor = Choose the mentor:
manual-mentor-option = { $name } — { $free } free
manual-choose-mentees = Tick the mentees ({ $max } at most; two or three make a group) and press "Done".
manual-too-many = You cannot tick more than { $max }.
manual-no-form = No form of the programme fits these people (e.g. a student mentor must be in a higher class).
manual-choose-form = The form of mentoring:
manual-choose-model = The role model:
manual-no-model = No role model
manual-start = The start date? Press the button or write it like 15.01.2027.
manual-end = The planned end date? Press the button or write it like 31.05.2027.
manual-confirm =
    Create it and ask its people to agree?
    Mentor: { $mentor }
    Mentees: { $mentees }
    Form: { $form }
    Role model: { $model }
    Term: { $start } — { $end }
manual-create = ✅ Create
manual-why = made by the curator
manual-sent = Done: its people have the proposal and need to agree.
pair-card =
    Mentor: { $mentor }
    Mentees: { $mentees }
    Form: { $form }; role model: { $model }
    Term: { $start } — { $end }
    Status: { $status }
    Order: { $order }
pair-order-line = no. { $number } of { $date }
pair-waiting-for = Not answered yet: { $parties }
pair-history = History:
pair-party-mentor = the mentor
pair-party-mentee = a mentee
pair-party-parent = a parent
pair-party-paper-parent = a parent (consent on paper)
pair-paper-parent-agrees = ✅ The parent agrees (on paper): { $child }
pair-choose-model = 🎭 Role model
pair-model-saved = The role model is saved.
pair-set-term = 📅 Term
pair-term-saved = The pair's term: { $start } — { $end }.
pair-term-not-saved-active = The term is not saved: everyone has agreed and the pair is active. An active pair's term can be extended from its card.
pair-term-not-saved-closed = The term is not saved: the pair is closed already.
pair-replace = 🔁 Replace the mentor
pair-extend = ⏩ Extend the term
pair-end = ⏹ End early

# Pairs and groups: participants
pair-ask =
    We propose a mentoring pair in the programme "{ $school }".
    Mentor: { $mentor }
    Mentees: { $mentees }
    Form: { $form }
    Term: { $start } — { $end }
    Why: { $why }
    Mentoring is voluntary: do you agree?
pair-ask-parent =
    A mentoring pair is proposed for your child in the programme "{ $school }".
    Mentor: { $mentor }
    Mentees: { $mentees }
    Form: { $form }
    Term: { $start } — { $end }
    Why: { $why }
    Do you agree?
pair-agree = ✅ I agree
pair-disagree = ✖️ I do not agree
agreement-waiting = Thank you! Waiting for the others.
agreement-active = Everyone agreed — the pair has started!
agreement-declined = Understood. The curator will find another option.
agreement-closed = This proposal is already closed.
pair-active = Everyone agreed: the mentoring pair has started. Good luck!
pair-active-curator = The pair with the mentor { $mentor } has started: everyone agreed.
pair-declined = The proposed pair did not happen: one side declined. The curator will find another option.
pair-declined-curator = A pair was declined ({ $who }): mentor { $mentor }, mentees { $mentees }. The mentees are back among those without a pair.
participant-pair = Your pair: { $mentor } → { $mentees }, until { $end }
participant-ask-replacement = 🔁 Ask the curator for a replacement
replacement-requested = Your request for a replacement is sent to the curator. They will contact you.
replacement-open-pair = Open the pair
replacement-requested-curator = A request for a replacement in a pair from: { $who }. Open "Pairs and groups" to decide.

# Preference round
round-none = The preference round is not open. After the group meeting open it: everyone picks up to three people of the other side. For how many days?
round-open = 🗳 { $days } { $days ->
    [one] day
   *[other] days
}
round-status = The round runs until { $until }. Answered { $answered } of { $asked }:
round-close = ⏹ Close the round
bases-reminding = Sending reminders…
round-opened = The round is open, invitations sent: { $count }.
round-closed-curator = The round is closed.
round-ask-mentee = Programme "{ $school }": choose up to three mentors you would like to work with (until { $until }).
round-ask-mentor = Programme "{ $school }": choose up to three mentees you would like to work with (until { $until }).
round-choose = 🗳 Choose
round-intro = Press numbers in order: the first is the most wanted ({ $max } at most). Pressing again removes a choice.
round-chosen = Your choice: { $names }.
round-card = { $n }. { $name }
    Topics: { $topics }
    Format: { $format }
round-reset = Reset
round-saved = Your choice is saved: { $names }.
round-closed = The preference round is closed or not available.
round-nobody = Nobody to choose from yet.
round-already-open = The preference round is already open.
round-none-open = No round is open.
round-deadline-invalid = The round's deadline must be after today and at most a month ahead.
round-not-eligible = You are not part of the round now: ready mentees without a pair and selected mentors with free places choose.
round-ranking-empty = Choose at least one person.
round-ranking-too-many = You can choose at most { $max }.
round-ranking-changed = The list changed while you were choosing. Press "Choose" in the invitation again.
round-ranking-busy = That press crossed another one made at the same moment. Press again.

# Changes in a pair
change-replace-ask-reason = The reason for replacing the mentor (regulation 2.8):
change-extend-ask-reason = The reason for extending the term (2.9):
change-end-ask-reason = The reason for ending early (2.10):
change-choose-mentor = The new mentor (with free places):
change-no-mentor = No mentor has free places for this pair.
change-replace-ok = The mentor is replaced. The plan and meetings stay in the pair's history.
change-replace-mentor-full = The chosen mentor has no places left.
change-replace-not-ready = This mentor cannot be chosen.
change-replace-changed = The pair has changed meanwhile — open it again.
change-replace-ended = The pair has already ended — the mentor is not replaced.
change-extend-ask-date = The new end date? Press the button or write it like 30.06.2027.
change-extended = The term is extended until { $date }.
change-extend-ended = The pair has already ended — the term is not changed.
change-end-confirm = End the mentoring early? The record stays in the history.
change-end-yes = ⏹ End
change-ended = The mentoring is ended early. The mentees are back among those without a pair.
change-end-already = The pair has already ended.
change-told-replaced = The curator has replaced the mentor in your pair.
change-told-former-mentor = The curator has handed one of your pairs to another mentor. Thank you for your work!
change-told-extended = The curator has extended the term of your pair.
change-told-ended = The curator has ended your pair's mentoring early.

# Order
order-nothing = There are no active pairs without an order.
order-ask-number = The order will list the active pairs without an order: { $count }. The order's number?
order-ask-date = The order's date? Press the button or write it like 15.01.2027.
order-caption = The list for order no. { $number } "On approving mentoring pairs/groups": { $count } pairs and groups.
order-sheet = Order
order-heading = List of mentoring pairs/groups for order no. { $number } of
order-subheading = { $school }, mentorship programme { $programme }
order-col-n = No.
order-col-form = Form
order-col-role-model = Role model
order-col-mentor = Mentor
order-col-mentees = Mentees
order-col-start = Start
order-col-end = End
order-file-name = order-{ $number }.xlsx
pairs-limit-out-of-range = A mentor's limit is 1 to { $max } mentees.
propose-failed-form = Not done: this form of mentoring does not fit or is not run in the programme.
propose-failed-role-model = Not done: this role model does not belong to the chosen form.
propose-failed-term = Not done: check the pair's dates.

# Pages of every list (the shared pager, bot/views/paging.ts).

# Pairs at a real school's size: the picker by hand, the whole history, a replacement request answered.
manual-for-mentor = Mentor: { $name }
manual-marked = Ticked: { $count } of { $max }.
manual-mentor-gone = This mentor has no free places any more, or is no longer ready. Choose the mentor again.
manual-mentee-gone = This mentee is already in a pair or has left the programme. Refresh the list and tick another one.
pair-history-last = History (the last { $shown } of { $total }):
pair-history-all = 📜 Whole history ({ $count } { $count ->
    [one] event
   *[other] events
})
pair-history-title = History of the pair: { $mentor } → { $mentees }
pair-replacement-open = ⚠️ { $who } asks for another mentor (since { $date }). Replace the mentor or dismiss the request.
pair-replacement-dismiss = ✖️ Dismiss the replacement request
replacement-already-requested = You have already asked for a replacement, and the curator has not answered yet. No need to ask again: the curator will answer.
replacement-none-open = There is no open replacement request any more.
replacement-dismissed = The curator has considered your request for another mentor and kept the pair as it is. If the question remains, write to the curator.
replacement-dismissed-note = The replacement request is dismissed; the participant is told.
# List pages (shared)

# The programme's curators
curators-button = 👤 Curators
curators-title = The programme's curators — { $total }
curators-item = { $n }. Curator, Telegram id { $id }, since { $since }{ $self ->
    [yes] {" "}(you)
   *[no] {""}
}
curators-remove-button = ✖️ Remove no. { $n }
curators-remove-ask = Remove curator no. { $n } (Telegram id { $id })? They lose access to the programme at once: their buttons stop working.
curators-remove-yes = Yes, remove
curators-removed = The curator is removed: they no longer have access to the programme.
curators-already-removed = This curator is no longer in the programme.
curators-not-self = You cannot remove yourself: ask another curator or an operator.
invite-curator-single = A curator's invitation is personal: one person can join by the link.

# Curators' audit log
audit-button = 🗂 Audit log
audit-title = Curators' actions on participants (kept for a year) — { $total }
audit-empty = No entries yet.
audit-item = { $n }. { $date } — { $who }: { $what }{ $whom }
audit-who-you = you
audit-who-curator = curator id { $id }
audit-whom-person = {" "}— { $name }
audit-whom-pair = {" "}— a pair
audit-whom-unnamed = {" "}— a participant without a questionnaire
audit-action-card-opened = opened a participant's card
audit-action-bases-exported = exported the bases to XLSX
audit-action-message-sent = wrote to a participant through the bot
audit-action-paper-consent = recorded a paper consent
audit-action-pair-made = made a pair by hand
audit-action-proposal-accepted = accepted a proposed pair
audit-action-mentor-replaced = replaced a mentor
audit-action-term-extended = extended a pair's term
audit-action-pair-ended = ended a pair early
audit-action-curator-removed = removed a curator
audit-action-audit-exported = exported the audit log
audit-export = 📊 Export the log (XLSX)
audit-file-name = audit-log
audit-caption = Curators' audit log: { $school }, { $year }. The file is protected from forwarding.
audit-sheet = Log
audit-col-n = No.
audit-col-at = Date and time
audit-col-who = Who (Telegram id)
audit-col-what = Action
audit-col-person = Participant
audit-col-pair = Pair (id)

# Reminders to those stuck
bases-reminded-none = Today's reminders have already gone to everyone stuck at a step. The next ones can go tomorrow.
# Topics
topics-too-many = The programme already has { $max } { $max ->
    [one] topic
   *[other] topics
} — no more can be added. Remove a topic you do not need and add the new one.
# Pages of any list (the pager row): "1–20 of 143".

# Pair work: the pair menu
participant-open-pair = 🤝 Open the pair
pair-menu-title =
    🤝 Pair: mentor { $mentor }, mentees: { $mentees }
    Dates: { $start } — { $end }
pair-menu-not-active = This pair no longer works: its menu is closed.

# outbox and scheduled jobs
menu-nudges-on = 🔔 Reminders: on
menu-nudges-muted = 🔕 Reminders: off
