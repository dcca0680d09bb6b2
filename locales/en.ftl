# Commands (descriptions in Telegram's menu)
cmd-start = Main menu and joining by invitation
cmd-menu = Main menu
cmd-language = Change language
cmd-cancel = Stop the current action
cmd-help = What the bot does
cmd-newschool = New school and programme (operator)

# Common
error-apology = Sorry, something went wrong. We are looking into it — please try again a little later.
private-only = I only work in private messages, where your data is safe. Write to me directly: @{ $bot }
button-stale = This button is out of date or not available. Open /menu.
not-allowed = This action is not available to you.
operator-only = Only the operator who sets up schools can do this.
curator-only = Only a curator of this programme can do this.
cancelled = Stopped; nothing was saved. Main menu: /menu
nothing-to-cancel = There is nothing to stop right now. Main menu: /menu
unknown-input = I did not understand that. Open /menu to see what I can do.
help =
    I help a school run its mentorship programme: invitations, questionnaires, pairs, meetings and reports.
    /menu — main menu
    /language — language
    /cancel — stop the current action
back = ⬅️ Back
to-menu = 🏠 Main menu

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
role-curator = Curator
role-mentor = Mentor
role-mentee = Mentee
role-curator-acc = curator
role-mentor-acc = mentor
role-mentee-acc = mentee
category-student = student
category-teacher = teacher
category-employer = employer's representative
category-university = university representative
category-student-grade = student of class { $grade }

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
school-cancel = ✖️ Cancel
school-created =
    Done: the school "{ $name }" and the { $year } programme are created.
    Below is the curator's invitation. Give the link to the curator in person: it lets them into the bot.
school-exists-programme = The school "{ $name }" already has a programme for { $year }. Nothing was created.
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
invite-prev = ◀️
invite-next = ▶️

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
    You are invited as a { $role }{ $category }.
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
    The questionnaire and pairing will appear here when the curator opens that stage.
