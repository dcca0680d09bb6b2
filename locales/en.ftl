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
proposal-swap-title = Choose another mentor (with free places, the best fits first):
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
pair-declined-curator = A pair was declined ({ $who }): mentor { $mentor }, mentees { $mentees }. Reason: { $reason }.{ $text } The mentees are back among those without a pair.
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
change-told-replaced = Your pair has a new mentor: everyone agreed. The plan and meetings stay in the pair's history.
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

# Roadmap, stage deadline nudges, quiet pairs, digests
curator-roadmap = 🗺 Roadmap
stage-conditions = Preparing the conditions to launch the mentoring programme
stage-conditions-result = The mentoring roadmap; the documents (orders, regulation); a curator appointed; people informed about the programme.
stage-mentee-base = Building the base of mentees
stage-mentee-base-result = A base of mentees with their requests; questionnaires and consents to personal data processing collected.
stage-mentor-base = Building the base of mentors
stage-mentor-base-result = A base of mentors who may take part in the programme; questionnaires and consents.
stage-mentor-training = Selecting and training mentors
stage-mentor-training-result = Mentors' questionnaires processed; mentors selected and trained, ready to work.
stage-pairing = Forming mentoring pairs / groups
stage-pairing-result = Pairs / groups formed and ready to work; the order approving the pairs/groups.
stage-pair-work = Organising the work of pairs / groups
stage-pair-work-result = Meetings of pairs and groups by plan; feedback after meetings; monitoring of the mentees' results.
stage-completion = Completing the mentoring programme
stage-completion-result = Reports and feedback of mentors, mentees and curators; satisfaction and quality monitoring; rewarding the best mentors; a long-term base of mentors.
roadmap-role-curator = curator
roadmap-role-director = administration (director)
roadmap-role-mentor = mentors
roadmap-title = 🗺 Roadmap: { $school }, academic year { $year }
roadmap-line = { $mark } { $number }. { $stage }
    { $start } — { $deadline }, responsible: { $role }{ $done }
roadmap-done-on = , done { $date }
roadmap-current = Current stage: { $number }. { $stage } — deadline { $deadline }.
roadmap-all-done = All stages are done.
roadmap-hint = Press a stage's number to change its dates or mark it done.
roadmap-stage-title = 🗺 Stage { $number }. { $stage }
roadmap-stage-dates = Dates: { $start } — { $deadline }. Responsible: { $role }.
roadmap-stage-expected = Expected result: { $result }
roadmap-stage-done = ✅ Done { $date }. Result: { $result }
roadmap-stage-open = The stage is not marked done yet.
roadmap-start-earlier = Start −1 wk
roadmap-start-later = Start +1 wk
roadmap-deadline-earlier = Deadline −1 wk
roadmap-deadline-later = Deadline +1 wk
roadmap-type-start = ✏️ Type the start
roadmap-type-deadline = ✏️ Type the deadline
roadmap-mark-done = ✅ Mark done
roadmap-reopen = ↩️ Take the mark back
roadmap-back = ⬅️ To the roadmap
roadmap-open-button = 🗺 Open the roadmap
roadmap-ask-start = Type the stage's start as DD.MM.YYYY, e.g. 01.09.2026. /cancel to cancel
roadmap-ask-deadline = Type the stage's deadline (its last day) as DD.MM.YYYY, e.g. 30.11.2026. /cancel to cancel
roadmap-date-saved = The stage's dates are saved.
roadmap-ask-result = Describe the stage's result briefly (up to { $max } characters). /cancel to cancel
roadmap-done-saved = The stage is marked done.
roadmap-reopened = The done mark is taken back.
roadmap-start-after-deadline = A stage cannot start after its deadline.
roadmap-already-done = The stage is already marked done.
roadmap-result-too-long = Too long: at most { $max } characters.
stage-nudge-7d = ⏰ In a week, on { $deadline }, stage { $number } "{ $stage }" is due. Check that all goes to plan and mark the stage once it is done.
stage-nudge-1d = ⏰ Tomorrow, { $deadline }, stage { $number } "{ $stage }" is due.
stage-nudge-overdue = ⏰ Stage { $number } "{ $stage }" was due on { $deadline } and is not marked done. Mark it or move its deadline in the roadmap.
quiet-pair-nudge = ⏰ No confirmed meeting with your mentees ({ $mentees }) for { $days } days — since { $since }. Plan a meeting or log the last one in the pair menu.
quiet-pair-open = 🤝 Open the pair
digest-weekly =
    📊 The programme's week
    New people: { $newPeople }
    Consents pending or declined: { $consents }
    Mentees without a pair: { $unpaired }
    Quiet pairs: { $quietPairs }
    Open flags: { $openFlags }
    Overdue reports: { $overdueReports }
    Unreachable (blocked the bot): { $unreachable }
    Current stage: { $number }. { $stage } — deadline { $deadline }
digest-monthly =
    📊 The programme's month
    Working pairs: { $activePairs }
    New people this month: { $newPeople }
    Consents pending or declined: { $consents }
    Mentees without a pair: { $unpaired }
    Quiet pairs: { $quietPairs }
    Open flags: { $openFlags }
    Overdue reports: { $overdueReports }
    Unreachable (blocked the bot): { $unreachable }
    Current stage: { $number }. { $stage } — deadline { $deadline }
digest-button-new = 🆕 New: { $n }
digest-button-consents = 📝 Consents: { $n }
digest-button-unpaired = 🧍 No pair: { $n }
digest-button-quiet = 🔕 Quiet pairs: { $n }
digest-button-flags = 🆘 Flags: { $n }
digest-button-overdue = ⏰ Overdue reports: { $n }
digest-button-unreachable = 🚫 Unreachable: { $n }
digest-list-new-week = 🆕 New people last week
digest-list-new-month = 🆕 New people last month
digest-list-consents = 📝 Consents pending or declined
digest-list-unpaired = 🧍 Mentees without a pair
digest-list-quiet = 🔕 Quiet pairs: no confirmed meetings
digest-list-unreachable = 🚫 Unreachable: blocked the bot
digest-list-empty = The list is empty.
digest-list-line = { $n }. { $person } — { $detail }
digest-pair-line = mentor { $mentor }, mentees: { $mentees }
digest-quiet-detail = no meetings for { $days } days, since { $since }
digest-intake-invited = consent awaited
digest-intake-parent = parent's consent awaited
digest-intake-declined = consent declined
digest-intake-questionnaire = filling in the questionnaire
digest-intake-ready = in the base
digest-open-card = { $n }
digest-quiet-rule = A pair is quiet after { $days } days with no confirmed meeting (since its last meeting or since it started working).
digest-quiet-days = { $mark }{ $days } days
digest-quiet-days-saved = Quiet-pair threshold: { $days } days.
# Individual plan (2.11–2.12, 3.1)
plan-kind-acquaintance = Getting to know the workplace and the team
plan-kind-duties = Duties and requirements
plan-kind-adaptation = Adaptation
plan-kind-theory = Theory and practice of the duties
plan-kind-practice = Practical tasks
plan-kind-consolidation = Consolidating knowledge and skills
plan-kind-assistance = Help with the duties
plan-kind-other = Other measures
plan-status-draft = draft
plan-status-sent = with the mentee to read
plan-status-acknowledged = read by the mentee, awaiting approval
plan-status-approved = approved
plan-button = 📋 Individual plan
plan-button-of = 📋 Plan: { $name }
plan-card-button = 📋 Plan
plan-title = 📋 Individual plan: { $mentee } (mentor { $mentor })
plan-status-line = Status: { $status } · version { $version }
plan-progress = Done { $done } of { $total }
plan-acknowledged-on = Read by the mentee: { $date }
plan-approved-on = Approved: { $date }
plan-empty = The plan has no items yet.
plan-empty-mentor = The plan has no items yet. Start from the template for the form of mentorship, or add an item.
plan-none = no plan
plan-item-line = { $n }. { $mark } { $title } — by { $due } ({ $kind })
plan-add = ➕ Item
plan-from-template = 📄 From a template
plan-send = 📨 Send to the mentee to read
plan-send-again = 📨 Send the changes to the mentee to read
plan-acknowledge = ✅ I have read it
plan-approve = ✍️ Approve
plan-versions-button = 🗂 Earlier versions ({ $count })
plan-open = 📋 Open the plan
plan-open-to-approve = 📋 Open the plan to approve
plan-pick-title = 📋 The pair's individual plans: choose a mentee.
plan-pick-line = { $name } — { $done } of { $total } · { $status }
plan-item-card =
    Item { $n }: { $title }
    Kind: { $kind }
    Due: by { $due }
    { $state }
plan-item-state-open = Not done.
plan-item-state-proposed = 🙋 The mentee marked it done — waiting for the mentor to confirm.
plan-item-state-done = ✅ Done ({ $date }).
plan-mark-done = ✅ Done
plan-confirm-done = ✅ Confirm it is done
plan-propose-done = 🙋 Done — tell the mentor
plan-edit-title = ✏️ Title
plan-edit-kind = 🏷 Kind
plan-edit-due = 📅 Due
plan-remove = 🗑 Remove the item
plan-templates-title = Templates of the individual plan. ⭐ — for your pair's form ({ $form }). The template's items are added to the plan with due days spread over the term; you can change them afterwards.
plan-template-button = { $form } — { $count } items
plan-versions-title = 🗂 Earlier versions of the plan (version { $current } is in force now)
plan-version-line = Version { $version }: { $status }, items: { $count }, replaced { $kept }
plan-ask-kind = What kind of item is it? Choose the kind of measure (/cancel to stop).
plan-ask-due =
    Due: choose a button or type a date DD.MM.YYYY.
    It must be within the term of mentorship: { $start } — { $end }.
plan-due-week = In a week ({ $date })
plan-due-two-weeks = In 2 weeks ({ $date })
plan-due-month = In a month ({ $date })
plan-due-three-months = In 3 months ({ $date })
plan-due-end = By the end of the term ({ $date })
plan-due-not-a-date = That does not look like a date. Type DD.MM.YYYY, e.g. 15.03.2027.
plan-due-before-start = The due day cannot be before the start of mentorship.
plan-due-after-end = The due day cannot be after the planned end of mentorship.
plan-ask-title = Type the item's title (up to { $max } characters).
plan-title-empty = The item's title cannot be empty.
plan-title-too-long = The item's title is longer than { $max } characters — shorten it.
plan-title-not-text = The item's title must be typed as text.
plan-item-added = ➕ Item added.
plan-item-saved = ✏️ Item changed.
plan-item-removed = Item removed.
plan-item-marked-done = ✅ Marked done.
plan-item-proposed = Your mentor has your mark and will confirm it.
plan-template-applied = The template's items were added to the plan.
plan-sent = The plan was sent to the mentee to read.
plan-acknowledged = Thank you! Your «I have read it» is saved.
plan-approved = The plan is approved.
plan-ready-mentee = 📋 Your mentor { $mentor } has prepared your individual plan ({ $count } items). Read it and press «I have read it».
plan-changed-mentee = 📋 Your mentor { $mentor } changed your individual plan (version { $version }, items: { $count }). Read the changes and press «I have read it» again.
plan-acknowledged-staff = 📋 { $mentee } has read the individual plan (mentor { $mentor }, version { $version }). The plan awaits approval.
plan-approved-mentor = ✍️ The individual plan for { $mentee } is approved ({ $role }).
plan-done-proposed-mentor = 🙋 { $mentee } marks a plan item done: «{ $title }». Confirm it if so.
plan-done-confirmed-mentee = ✅ Your mentor { $mentor } confirmed the item «{ $title }» is done.
plan-mentor-only = Only the pair's mentor can do this.
plan-mentee-only = Only the mentee whose plan it is can do this.
plan-staff-only = The plan is approved by the programme's director or a curator.
plan-pair-not-active = The pair no longer works: the plan does not change any more.
plan-item-gone = This item is no longer in the plan.
plan-too-many-items = A plan cannot hold more than { $max } items.
plan-already-sent = The plan has already been sent to the mentee.
plan-nothing-to-send = The plan has no items — nothing to send yet.
plan-already-acknowledged = «I have read it» is already marked.
plan-version-changed = The plan has changed since: open it and see the new version.
plan-not-sent = The plan has not been sent to the mentee yet.
plan-already-approved = The plan is already approved.
plan-not-acknowledged = The plan can be approved once the mentee has read it.
plan-item-already-done = The item is already marked done.
plan-item-already-proposed = You have already marked this item — waiting for the mentor to confirm.
# Individual plan templates: items per form of mentorship
plan-tpl-ss-1 = Getting to know each other: a personal talk about interests and expectations
plan-tpl-ss-2 = Help adapting to the new conditions of study and to the class
plan-tpl-ss-3 = Going through the study requirements and difficulties with marks
plan-tpl-ss-4 = Consultations on the hard topics of school subjects
plan-tpl-ss-5 = A joint project or preparation for a contest or an olympiad
plan-tpl-ss-6 = Going together to a club, a sports section, a sports or cultural event
plan-tpl-ss-7 = Help realising leadership potential: taking part in school life
plan-tpl-ss-8 = Summing up: what worked out, what to consolidate next
plan-tpl-tt-1 = Getting to know the workplace and the team, the traditions and rules of the school
plan-tpl-tt-2 = Getting to know the duties and the qualification requirements
plan-tpl-tt-3 = Professional adaptation: organising the teaching, working with pupils and parents
plan-tpl-tt-4 = Theory and practice of the duties: the work programme, topic planning, regulations
plan-tpl-tt-5 = Attending the mentor's lessons and analysing a lesson
plan-tpl-tt-6 = An open lesson given by the mentee, then discussed
plan-tpl-tt-7 = Consolidating knowledge and skills: a seminar, a contest or the subject association
plan-tpl-tt-8 = Help with the duties: preparing the reporting documents
plan-tpl-tt-9 = The final meeting: analysing the results of one's professional work
plan-tpl-ts-1 = Getting to know each other: interests, goals and difficulties
plan-tpl-ts-2 = Going through the study duties and the requirements of the subjects
plan-tpl-ts-3 = Adaptation: organising study time and the daily routine
plan-tpl-ts-4 = Studying the hard questions of the curriculum at consultations
plan-tpl-ts-5 = Practical tasks and a project guided by the mentor
plan-tpl-ts-6 = Consolidation: preparing for tests, contests, olympiads
plan-tpl-ts-7 = The final meeting: results and plans for the future
plan-tpl-es-1 = Getting to know the company, the workplace and the team
plan-tpl-es-2 = The everyday tasks of the profession and what a specialist must know
plan-tpl-es-3 = Help discovering and assessing one's personal and professional potential
plan-tpl-es-4 = A practical task or a project in the profession's field
plan-tpl-es-5 = Developing leadership, organisational and communication skills
plan-tpl-es-6 = Choosing a profession and an educational path
plan-tpl-es-7 = The final meeting: presenting the project's results
plan-tpl-us-1 = Getting to know each other: interests, goals and expectations
plan-tpl-us-2 = The requirements of admission and study in the chosen field
plan-tpl-us-3 = Studying the theory of the chosen field
plan-tpl-us-4 = Practical tasks, a study or research project
plan-tpl-us-5 = Consolidation: a contest, an olympiad or a conference
plan-tpl-us-6 = The final meeting: results and plans for the future
# Reports and the director (4.2, 2.13–2.14, 3.1)
link-welcome-director =
    Welcome! You are the director of the mentorship programme "{ $school }", { $year }.
    The director's menu has the pairs, this month's meetings, the mentors' monthly reports and the final reports to approve.
report-month = { $m ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $y }
report-meeting-planned = planned
report-meeting-logged = awaiting confirmation
report-meeting-confirmed = confirmed
report-meeting-disputed = disputed
report-meeting-cancelled = cancelled
curator-monthly = 📝 Monthly reports
curator-finals = 🏁 Final reports
monthly-report-button = 📝 Report for { $month }
monthly-report-button-sent = ✅ Report for { $month } sent
monthly-report-bad-month = A report for this month is not taken now: open the report from the pair menu.
monthly-report-no-mentees = You had no pairs this month: there is no one to report on.
monthly-report-already = The report for this month has already been sent.
monthly-report-read = 📄 Open the report
monthly-report-submitted = 📝 { $mentor } sent the monthly report for { $month }.
monthly-remind = 📝 Time to send the monthly report for { $month }: it is already filled in from the month's meetings — check it and send it in two taps.
monthly-remind-again = ⏰ The report for { $month } has not been sent yet. It is filled in — check it and send it.
monthly-late =
    ⏳ No monthly report for { $month } from ({ $count }):
    { $mentors }
monthly-status-open = 📋 Who has reported
monthly-draft-title = 📝 Report for { $month }. Check it and send it to the curator and the director:
monthly-sent-title = ✅ The report for { $month } was sent:
monthly-entry =
    👤 { $mentee }
    Meetings ({ $count }): { $meetings }
    Plan items done: { $items }
    Progress: { $progress }
    Difficulties: { $difficulties }
    Plans: { $plans }
monthly-progress-default = meetings held: { $count }, plan items done: { $items }
monthly-difficulties-default = none
monthly-plans-default = we carry on with the individual plan
monthly-send = ✅ Send as it is
monthly-edit = ✏️ Change
monthly-keep = Keep as it is
monthly-ask-progress =
    { $mentee } — progress this month.
    Now: { $current }
    Type your own text (up to { $max } characters) or press "Keep as it is".
monthly-ask-difficulties =
    { $mentee } — difficulties.
    Now: { $current }
    Type your own text (up to { $max } characters) or press "Keep as it is".
monthly-ask-plans =
    { $mentee } — plans for next month.
    Now: { $current }
    Type your own text (up to { $max } characters) or press "Keep as it is".
monthly-sent = ✅ The report for { $month } was sent to the curator and the director.
monthly-reading-title = 📝 Report for { $month } · { $mentor } · sent { $date }
monthly-status-title = 📋 Monthly reports for { $month }: { $reported } of { $expected } reported
monthly-day-rule = Mentors are reminded of the report on day { $day }, then on the 1st; from the 3rd the curator and the director get the list of who is late.
monthly-day-choice = { $mark }day { $day }
monthly-day-saved = Report reminder: day { $day } of the month.
monthly-status-empty = No pairs were working this month.
director-panel =
    Director · { $school }, { $year }
    Working pairs: { $pairs }
    Meetings in { $month }: { $confirmed } of { $meetings } confirmed
    Mentors' reports for { $reportMonth }: { $reported } of { $expected }
    Final reports waiting for approval: { $toApprove }
    Plans waiting for approval: { $plans }
    Open «Need help» flags: { $flags }
director-pairs = 🤝 Pairs
director-plans = 📋 Plans to approve ({ $count })
director-flags = 🆘 Flags ({ $count })
director-plans-title = 📋 Individual plans waiting for approval
director-plan-row = { $n }. { $mentee } (mentor { $mentor }), version { $version }
director-plan-open = 📋 No. { $n }
director-meetings = 📅 This month's meetings
director-monthly = 📝 Who has reported
director-finals = 🏁 Final reports ({ $count })
director-pairs-title = 🤝 Pairs and groups
director-pair-row = { $n }. { $mentor } → { $mentees } · { $status } · meetings: { $meetings }
director-pair-active = working
director-pair-ended = ended
director-none = Nothing yet.
director-meetings-title = 📅 Meetings in { $month }
final-list-title = 🏁 Final reports
final-list-row = { $n }. { $role ->
    [mentor] mentor's report
   *[mentee] mentee's report
} · { $author } on { $mentee }{ $approved ->
    [yes] {" "}· ✅ approved
   *[no] {""}
}
final-list-open = 🏁 All final reports
final-q-progress = The mentee's progress: what of the individual plan was done, and what not?
final-q-qualities = The mentee's qualities: motivation, independence, discipline.
final-q-difficulties = What were the difficulties?
final-q-recommendations = Your recommendations.
final-q-readiness = The mentee's readiness:
final-q-how-it-went = How did the mentoring go?
final-q-helped = What helped?
final-q-hard = What was hard?
final-q-mentor-score = Rate the mentor's work from 1 to 10.
final-q-mentor-words = Describe the mentor's work in words.
final-q-recommend = Would you recommend this mentor to others?
final-opt-ready = ready
final-opt-ready-with-support = ready with further support
final-opt-not-ready = not ready
final-opt-yes = yes
final-opt-no = no
final-question = Question { $n } of { $total }. { $question }
final-intro-mentor = 🏁 The final report on the individual plan: { $mentee }. Due { $due }. To leave without saving — /cancel.
final-intro-mentee = 🏁 The final report on the mentoring and the mentor's work. Due { $due }. To leave without saving — /cancel.
final-report-sent-mentor = ✅ The report was sent to the curator and to the director for approval.
final-report-sent-mentee = ✅ Thank you! The report was sent to the curator.
final-report-start = 🏁 Fill in the final report
final-report-not-ended = The pair is still working: the final report is written after it ends.
final-report-incomplete = The report is missing answers: fill it in again.
final-report-already = The final report has already been sent.
final-report-not-approvable = The director approves only the mentor's report.
final-report-already-approved = This report is already approved.
final-report-read = 📄 Open the report
final-report-submitted-mentor = 🏁 { $author } sent the final report on the plan: { $mentee }.
final-report-submitted-mentee = 🏁 { $author } sent the final report on the mentoring.
final-report-to-approve = 🏁 { $author } sent the final report on the plan ({ $mentee }): it awaits your approval.
final-report-approved = ✅ The director approved your final report: { $mentee }.
final-report-approved-staff = ✅ The director approved the final report: { $author } on { $mentee }.
final-approve = ✅ I approve
final-approved-done = ✅ The report is approved.
final-approved-on = ✅ Approved { $date }
final-not-approved = ⏳ Awaiting the director's approval
final-reading-mentor = 🏁 Mentor's final report · { $author } on { $mentee } · { $date }
final-reading-mentee = 🏁 Mentee's final report · { $author } · { $date }
final-request-mentor = 🏁 The mentoring has ended. Within 10 days, by { $due }, fill in the final report on the individual plan: { $mentees }.
final-request-mentee = 🏁 The mentoring has ended. Within 10 days, by { $due }, fill in the final report: how the mentoring went, and rate the mentor's work.
final-remind-mentor = ⏰ The final report on the plan ({ $mentees }) is due by { $due }.
final-remind-mentee = ⏰ Your final report on the mentoring is due by { $due }.
final-overdue =
    ⏳ Final reports not handed in on time (due { $due }):
    { $people }
# Pair meetings
pair-menu-meetings = 🗓 Meetings
pair-menu-log-meeting = ➕ Log a meeting
pair-menu-plan-meeting = 📅 Plan a meeting
meeting-back-to-pair = ↩️ Back to the pair
meeting-type-introduction = Getting to know each other
meeting-type-trial = Trial working meeting
meeting-type-planning = Planning meeting
meeting-type-working = Working meeting
meeting-type-final = Final meeting
meeting-format-in-person = in person
meeting-format-online = online
meeting-status-planned = 📅 planned
meeting-status-logged = ⏳ awaiting confirmation
meeting-status-confirmed = ✅ confirmed
meeting-status-disputed = ⚠️ disputed
meeting-status-cancelled = ✖️ did not take place
meeting-summary = { $type }, { $date }, { $format }, { $duration } min: “{ $topic }”
meeting-when = { $date } at { $time }
meeting-confirm-ask =
    🗓 { $who } logged a meeting:
    { $meeting }
    Did it take place?
meeting-confirm-yes = ✅ I confirm
meeting-confirm-no = ❌ It did not happen
meeting-answered-confirmed =
    ✅ { $who } confirmed the meeting:
    { $meeting }
meeting-answered-disputed =
    ⚠️ { $who } says the meeting did not happen:
    { $meeting }
    The curator will see it in the list of meetings to check.
meeting-answer-thanks-confirmed = Thank you, the meeting is confirmed.
meeting-answer-thanks-disputed = Noted: the meeting did not happen. The curator will see it.
meeting-planned =
    📅 A meeting is planned: { $type }
    When: { $when }, { $duration } min
    Where: { $place } ({ $format })
    Topic: { $topic }
    Planned by: { $who }
    Open the file to add the meeting to your phone's calendar.
meeting-reminder =
    ⏰ Reminder: a meeting tomorrow — { $type }
    When: { $when }
    Where: { $place } ({ $format })
    Topic: { $topic }
meeting-followup =
    🗓 How did the meeting go?
    { $type }, { $when }
    Topic: { $topic }
meeting-held-yes = ✅ It took place as planned
meeting-held-no = ❌ It did not take place
meeting-held-logged = The meeting is logged. The other side will confirm it.
meeting-held-cancelled = Noted: the meeting did not take place.
meeting-held-confirmed = Thank you, the meeting is confirmed.
meeting-cancelled-notice =
    ✖️ { $who } noted that the meeting did not take place:
    { $meeting }
meeting-ask-type = What kind of meeting is it? Expected next: { $suggested }.
meeting-suggested = 👉 { $label }
meeting-ask-day = When was the meeting?
meeting-ask-plan-day = Which day is the meeting?
meeting-day-today = Today
meeting-day-yesterday = Yesterday
meeting-day-tomorrow = Tomorrow
meeting-day-other = 📆 Another date
meeting-ask-day-typed = Type the date as dd.mm.yyyy, e.g. 05.11.2026.
meeting-ask-time = At what time? Type it as hh:mm, e.g. 15:30.
meeting-ask-format = How is the meeting held?
meeting-ask-duration = How long was the meeting?
meeting-ask-plan-duration = How long will the meeting last?
meeting-duration-choice = { $minutes ->
    [60] 1 h
    [90] 1.5 h
   *[other] { $minutes } min
}
meeting-duration-other = Other
meeting-ask-duration-typed = Type the length in minutes (5 to 480), e.g. 50.
meeting-ask-topic = The meeting's topic: choose an item of the plan or type the topic.
meeting-ask-topic-no-plan = Type the meeting's topic (the plan has no open items yet).
meeting-ask-result = The outcome: type it briefly or press “Skip”.
meeting-ask-next-steps = Next steps: type them or press “Skip”.
meeting-ask-place = Where do you meet? Type the place (room, address).
meeting-ask-link = Type the link to the online meeting or where to find it.
meeting-skip = Skip
meeting-logged-ok = ✅ The meeting is logged. The other side has been asked to confirm it.
meeting-planned-ok = ✅ The meeting is planned. Everyone in the pair got a calendar file.
meeting-day-not-a-date = That does not look like a date. Type it as dd.mm.yyyy, e.g. 05.11.2026.
meeting-day-in-the-future = A meeting's date cannot be in the future: only meetings already held are logged.
meeting-day-before-start = A meeting's date cannot be before the pair started.
meeting-duration-not-a-number = Type the length as a number of minutes, e.g. 50.
meeting-duration-too-short = A meeting lasts at least 5 minutes.
meeting-duration-too-long = A meeting lasts at most 8 hours (480 minutes).
meeting-planned-in-the-past = That time has passed: choose a later time.
meeting-planned-before-start = A meeting cannot be planned before the pair starts.
meeting-planned-after-end = A meeting cannot be planned after the pair ends.
meeting-time-bad = That does not look like a time. Type it as hh:mm, e.g. 15:30.
meeting-topic-empty = The meeting's topic cannot be empty.
meeting-place-empty = Type the place or the link of the meeting.
meeting-text-too-long = Too long: at most { $max } characters.
meeting-plan-item-gone = This plan item is no longer open.
meeting-already-saved = This meeting is already logged.
meeting-answer-own = You logged this meeting: the other side confirms it.
meeting-not-held-yet = The meeting has not taken place yet.
meeting-cancelled = This meeting did not take place.
meeting-already-answered = You have already answered about this meeting.
meetings-title = 🗓 The pair's meetings: ✅ { $confirmed } · ⏳ { $logged } · 📅 { $planned } · ⚠️ { $disputed }
meetings-empty = No meetings yet. Log the first one — getting to know each other.
meetings-line =
    { $n }. { $when } · { $type } · { $format } · { $duration } min — { $status }
       { $topic }
meetings-confirm-n = ✅ No. { $n } happened
meetings-dispute-n = ❌ No. { $n } did not
meetings-held-n = ✅ No. { $n } took place
meetings-not-held-n = ❌ No. { $n } did not take place
meetings-check-button = 🗓 Meetings to check
meetings-check-title = 🗓 Disputed and unconfirmed meetings
meetings-check-empty = No disputed or unconfirmed meetings.
meetings-check-pair =    Pair: { $mentor } — { $mentees }
meetings-check-waiting =    Waiting for: { $who }
# feedback and the safety flag, pair cards
feedback-ask =
    📝 How was the meeting on { $date } ("{ $topic }")? Rate it from 1 to 5.
    Only the programme's curator sees the rating and the comment.
feedback-rate-1 = 😞
feedback-rate-2 = 😕
feedback-rate-3 = 😐
feedback-rate-4 = 🙂
feedback-rate-5 = 😀
feedback-bad-rating = A rating is from 1 to 5.
feedback-not-confirmed = Both sides have not confirmed this meeting yet: it cannot be rated.
feedback-already-rated = You have already rated this meeting.
feedback-rate-first = Rate the meeting first, then add a comment.
feedback-thanks = Thank you! Your rating: { $emoji }
feedback-flagged = The programme's curator has been alerted and will contact you.
feedback-comment = 💬 Comment
feedback-comment-ask = Write a comment on the meeting (up to { $max } characters). Only the curator will read it. Cancel: /cancel
feedback-comment-saved = Comment saved. Only the curator sees it.
feedback-comment-saved-flag = Comment saved and passed to the curator.
help-button = 🆘 I need help
help-sent-short = The curator has been alerted.
help-already-short = The curator already has your alert.
help-sent =
    🆘 The programme's curator has your alert and will contact you.
    If you like, write what happened: only the curator will read it.
help-already =
    🆘 The curator already has your alert and will contact you.
    You can add what happened: only the curator will read it.
flag-write = 💬 Write to the curator
flag-comment-ask = Write what happened (up to { $max } characters). Only the curator will read it. Cancel: /cancel
flag-comment-saved = Thank you, the curator has your message.
flag-pair = mentor { $mentor }, mentees: { $mentees }
flag-alert-rating =
    🆘 Alert: a low meeting rating ({ $rating } of 5)
    Who: { $who }
    Pair: { $pair }
flag-alert-button =
    🆘 Alert: "I need help"
    Who: { $who }
    Pair: { $pair }
flag-words =
    🆘 A message was added to an alert
    Who: { $who }
    "{ $text }"
flag-reraised =
    🆘 An alert not handled for over a day (since { $since })
    Who: { $who }
    Pair: { $pair }
flag-seen = ✅ The curator has seen your alert of { $date } and is dealing with it. Thank you for writing.
flag-open-pair = 🤝 Open the pair
flag-open-flag = 🆘 Open the alert
flags-list = 🆘 Alerts
flags-title = 🆘 The programme's alerts: { $open } open, { $total } in all
flags-none = No alerts.
flag-state-open = open
flag-state-handled = handled { $date }
flag-source-rating = meeting rating { $emoji }
flag-source-button = the "I need help" button
flag-line = { $date } — { $who } — { $source }
flag-card =
    🆘 Alert
    Who: { $who }
    Pair: { $pair }
flag-card-words = Message:
flag-card-handled = Handled { $date } by { $by }. Note:
flag-card-reraised = Not handled for over a day: raised again { $date }.
flag-handle = ✅ Mark handled
flag-note-ask = Write a note: what was done about the alert (up to { $max } characters). Only curators see it; the person who raised it is told it was seen. Cancel: /cancel
flag-handled-done = ✅ The alert is marked handled. The person who raised it has been told it was seen.
flag-already-handled = This alert has already been handled.
card-meetings = Meetings: { $confirmed } confirmed, { $planned } planned, { $disputed } disputed, { $waiting } awaiting confirmation
card-plan = Plan: { $progress }
card-plan-progress = { $done } of { $total } done
card-last-activity = Last activity: { $date }
card-average = Average meeting rating: { $average }
card-average-value = { $average } ({ $count } ratings)
card-open-flags = 🆘 Open alerts: { $count }
card-flag-button = 🆘 Alert { $n }: open
card-comments = Latest comments on meetings:
side-card-button = 📇 Pair card
side-card =
    📇 Pair card
    With: { $others }
    Form: { $form }
    Term: { $start } — { $end }
side-card-own-flag = 🆘 Your alert to the curator is open: the curator will contact you.
parent-card-button = 👪 Pair: { $child }
parent-card =
    👪 Mentoring: { $child }
    School: { $school }
    Mentor: { $mentor }
    Term: { $start } — { $end }
    Meetings held: { $meetings }
    Plan: { $plan }
parent-card-refresh = 🔄 Refresh
parent-card-no-pair = Your child has no active mentoring pair at the moment.
# Gaps of the pairs issue: a new mentor agreed by everyone, reasons of a decline, pages of the choice
reason-decline-no-time = no time
reason-decline-person = the proposed person does not suit me
reason-decline-schedule = the format or schedule does not fit
reason-decline-other = other
decline-ask-reason = Why do you not agree? Choose a reason — the curator will take it into account. Changed your mind? Press «I agree» in the proposal above.
decline-ask-text = Write the reason briefly (up to { $max } characters). Only the curator will read it. /cancel to cancel.
decline-text-line = {" "}Explanation: "{ $text }".
pair-event-replacement-proposed = a new mentor proposed
pair-event-replacement-agreed = a participant agreed to the new mentor
pair-event-replacement-declined = a participant declined the new mentor
pair-event-replacement-withdrawn = the new mentor's proposal withdrawn
replace-ask-mentor =
    The curator of the programme "{ $school }" asks you to become the mentor of an active pair.
    Mentees: { $mentees }
    Term: until { $end }
    Mentoring is voluntary: do you agree?
replace-ask-mentee =
    The curator of the programme "{ $school }" proposes a new mentor for you: { $mentor }.
    Term: until { $end }
    Until everyone agrees, the pair works as before. Do you agree?
replace-ask-parent =
    The curator of the programme "{ $school }" proposes a new mentor for your child: { $mentor }.
    Mentees: { $mentees }
    Term: until { $end }
    Until everyone agrees, the pair works as before. Do you agree?
replace-result-waiting = Thank you! Waiting for the others.
replace-result-replaced = Everyone agreed — the mentor has changed.
replace-result-declined = Understood. The pair stays as it was; the curator will learn the reason.
replace-result-closed = This proposal is already closed.
replace-done-curator = The mentor has changed: everyone agreed. New mentor { $mentor }, mentees { $mentees }.
replace-declined-curator = The change of mentor did not happen ({ $who } does not agree): new mentor { $mentor }, mentees { $mentees }. Reason: { $reason }.{ $text } The pair works as before.
replace-declined = The change of mentor did not happen: one side does not agree. The pair works as before.
replace-withdrawn = The curator has withdrawn the proposal of a new mentor. The pair works as before.
change-replace-proposed = The new mentor, the mentees and minors' parents have been asked to agree. The mentor changes when everyone agrees; until then the pair works as before.
change-replace-pending = This pair is already waiting for agreement to a new mentor. Wait for the answers or withdraw the proposal on the pair's card.
pair-replacement-pending = 🔁 A new mentor proposed: { $mentor }. Not answered yet: { $parties }
pair-replacement-withdraw = ↩️ Withdraw the change of mentor
replacement-withdrawn-note = The proposal is withdrawn; the participants were told.
replacement-none-pending = There is no proposal of a new mentor any more.
# outbox and scheduled jobs
menu-nudges-on = 🔔 Reminders: on
menu-nudges-muted = 🔕 Reminders: off
# holidays (каникулы)
holidays-open = 🏖 Holidays
holidays-title = 🏖 Holidays — { $school }, { $year }
holidays-line = { $mark } { $from } – { $to }
holidays-empty = No holidays yet.
holidays-hint = On the holidays and from 21:00 to 08:00 students get no messages from the bot: they arrive the morning after.
holidays-remove = ✖️ { $from } – { $to }
holidays-add = ➕ Add holidays
holidays-typical = 📅 Add the typical holidays
holidays-ask =
    Write the holiday period in one message: dd.mm.yyyy – dd.mm.yyyy
    For example: 28.12.2026 – 08.01.2027. A single day as one date. Academic year { $year }.
    /cancel to cancel.
holidays-saved = Holidays saved.
holidays-removed = Holidays removed.
holidays-gone = These holidays are no longer on the list.
holidays-problem-not-a-period = That does not look like a period. Write it like this: 28.12.2026 – 08.01.2027
holidays-problem-ends-before-start = The holidays end before they start. Write the period again.
holidays-problem-too-long = The period is too long (over 100 days). Write the period again.
holidays-problem-outside-year = The period must be within the academic year (1 August to 31 August of the next year). Write the period again.
holidays-problem-too-many = Too many holiday periods (at most { $max }). Remove some.
