# Команды (описания в меню Telegram)
cmd-start = Главное меню и вход по приглашению
cmd-menu = Главное меню
cmd-language = Сменить язык
cmd-cancel = Прервать текущее действие
cmd-help = Что умеет бот
cmd-newschool = Новая школа и программа (оператор)

# Общие
error-apology = Извините, что-то пошло не так. Мы уже разбираемся — попробуйте ещё раз чуть позже.
private-only = Я работаю только в личных сообщениях: там ваши данные в безопасности. Напишите мне лично: @{ $bot }
button-stale = Эта кнопка устарела или недоступна. Откройте /menu.
not-allowed = Это действие вам недоступно.
operator-only = Это действие доступно только оператору, который подключает школы.
curator-only = Это действие доступно только куратору этой программы.
cancelled = Действие прервано, ничего не сохранено. Главное меню: /menu
nothing-to-cancel = Сейчас нечего прерывать. Главное меню: /menu
unknown-input = Я не понял сообщение. Откройте /menu — там всё, что я умею.
help =
    Я помогаю школе вести программу наставничества: приглашения, анкеты, пары, встречи и отчёты.
    /menu — главное меню
    /language — язык
    /cancel — прервать текущее действие
back = ⬅️ Назад
to-menu = 🏠 Главное меню

# Язык
language-ru = 🇷🇺 Русский
language-en = 🇬🇧 English
language-choose = Выберите язык:
language-set = Язык: русский.

# Главное меню
menu-title = Главное меню
menu-empty =
    Вы пока не участвуете ни в одной программе наставничества.
    Чтобы войти, откройте ссылку-приглашение от куратора вашей школы.
menu-roles = Ваши роли — выберите, чтобы открыть:
menu-new-school = 🏫 Новая школа и программа
menu-language = 🌐 Язык / Language
menu-role-button = { $role } · { $school }, { $year }

# Роли и категории
role-curator = Куратор
role-mentor = Наставник
role-mentee = Наставляемый
role-curator-acc = куратора
role-mentor-acc = наставника
role-mentee-acc = наставляемого
category-student = ученик
category-teacher = педагог
category-employer = представитель работодателя
category-university = представитель вуза
category-student-grade = ученик { $grade } класса

# Формы наставничества
form-student-student = ученик – ученик
form-teacher-teacher = учитель – учитель
form-teacher-student = учитель – ученик
form-employer-student = работодатель – ученик
form-university-student = студент – ученик

# Оператор: новая школа
school-ask-name = Новая школа. Как называется школа? Напишите полное название, например: ГБОУ ООШ № 4 г. Новокуйбышевска.
    /cancel — прервать
school-ask-city = Город или населённый пункт школы?
school-ask-timezone = Часовой пояс школы? Выберите кнопкой или напишите название, например Europe/Moscow.
school-bad-timezone = Такого часового пояса нет. Выберите кнопкой или напишите как Europe/Moscow.
school-ask-year = Учебный год программы?
school-ask-forms = Какие формы наставничества будут в программе? Отметьте одну или несколько и нажмите «Готово».
school-forms-none = Отметьте хотя бы одну форму.
school-forms-done = ✅ Готово
school-summary =
    Проверьте:
    Школа: { $name }
    Город: { $city }
    Часовой пояс: { $tz }
    Учебный год: { $year }
    Формы: { $forms }
school-create = ✅ Создать
school-cancel = ✖️ Отмена
school-created =
    Готово: школа «{ $name }» и программа { $year } созданы.
    Ниже — приглашение для куратора. Передайте ссылку куратору лично: по ней он войдёт в бот.
school-exists-programme = У школы «{ $name }» уже есть программа на { $year } год. Ничего не создано.
school-reused = Школа «{ $name }» ({ $city }) уже была в системе — программа добавлена к ней.

# Ввод текста
input-empty = Пустой ответ. Напишите текстом, пожалуйста.
input-too-long = Слишком длинно: не больше { $max } символов.
input-not-text = Нужен текст. Напишите ответ сообщением или нажмите /cancel.
input-use-buttons = Выберите вариант кнопкой под сообщением или нажмите /cancel.

# Приглашения
invite-created =
    Приглашение: { $role }{ $category }
    Программа: { $school }, { $year }
    Действует до { $expires }, мест: { $uses }.

    Ссылка: { $link }

    Ссылку можно переслать или распечатать QR-код ниже.
invite-qr-caption = QR-код приглашения: { $role }{ $category }, { $school }. Наведите камеру телефона — откроется Telegram.
invite-choose-role = Кого пригласить?
invite-choose-category = Кто этот { $role }?
invite-choose-grade = В каком классе ученик?
invite-choose-uses = Сколько человек может войти по этой ссылке?
invite-uses-one = 1 — личная
invite-uses-n = { $n }
invite-grade = { $grade } класс
invite-list-title = Приглашения программы ({ $total }):
invite-list-empty = Приглашений пока нет.
invite-list-item = { $n }. { $role }{ $category } — { $status }, вошли { $used } из { $max }, до { $expires }
invite-status-usable = действует
invite-status-expired = истекло
invite-status-revoked = отозвано
invite-status-used-up = места закончились
invite-revoke-button = ✖️ Отозвать № { $n }
invite-revoked = Приглашение отозвано: по ссылке больше нельзя войти.
invite-already-revoked = Это приглашение уже отозвано.
invite-prev = ◀️
invite-next = ▶️

# Вход по ссылке
link-malformed = Ссылка повреждена: похоже, она скопирована не полностью. Попросите куратора прислать её ещё раз.
link-unknown = Такое приглашение не найдено. Проверьте ссылку или попросите куратора прислать новую.
link-expired = Срок действия приглашения истёк. Попросите куратора прислать новую ссылку.
link-revoked = Это приглашение отозвано куратором. Если это ошибка — попросите новую ссылку.
link-used-up = По этой ссылке уже вошло максимальное число людей. Попросите куратора прислать новую.
link-already-member = Вы уже участвуете в программе «{ $school }» ({ $year }): { $role }. Ничего менять не нужно.
link-welcome-curator =
    Добро пожаловать! Вы — куратор программы наставничества «{ $school }», { $year }.
    Приглашайте наставников и наставляемых из меню куратора.
link-welcome-participant =
    Добро пожаловать в программу наставничества «{ $school }», { $year }!
    Вы приглашены как { $role }{ $category }.
    Следующий шаг — согласие на обработку персональных данных и анкета. Бот напомнит о них.

# Панель куратора
curator-panel =
    Куратор · { $school }, { $year }
    Формы: { $forms }
    Участники: кураторов — { $curators }, наставников — { $mentors }, наставляемых — { $mentees }
curator-invite = ➕ Пригласить
curator-invitations = 📋 Приглашения

# Панель участника
participant-panel =
    { $role }{ $category } · { $school }, { $year }
    Анкета и подбор пары появятся здесь, когда куратор откроет этот этап.
