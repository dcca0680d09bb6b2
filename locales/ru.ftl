# Команды (описания в меню Telegram)
cmd-start = Главное меню и вход по приглашению
cmd-menu = Главное меню
cmd-privacy = Какие мои данные хранит бот
cmd-language = Сменить язык
cmd-cancel = Прервать текущее действие
cmd-help = Что умеет бот
cmd-newschool = Новая школа и программа (оператор)

# Общие
error-apology = Извините, что-то пошло не так. Мы уже разбираемся — попробуйте ещё раз чуть позже.
private-only = Я работаю только в личных сообщениях: там ваши данные в безопасности. Напишите мне лично: @{ $bot }
button-stale = Эта кнопка устарела или недоступна. Откройте /menu.
common-page-count = { $from }–{ $to } из { $total }
common-prev = ◀️
common-next = ▶️
not-allowed = Это действие вам недоступно.
operator-only = Это действие доступно только оператору, который подключает школы.
curator-only = Это действие доступно только куратору этой программы.
cancelled = Действие прервано, ничего не сохранено. Главное меню: /menu
nothing-to-cancel = Сейчас нечего прерывать. Главное меню: /menu
unknown-input = Я не понял сообщение. Откройте /menu — там всё, что я умею.
help =
    Я помогаю школе вести программу наставничества: приглашения, анкеты, пары, встречи и отчёты.
    /menu — главное меню
    /privacy — какие мои данные хранит бот, отзыв согласия
    /language — язык
    /cancel — прервать текущее действие
# Shared by every feature: back, the main menu, cancel, pages.
common-cancel = ✖️ Отмена
common-back = ⬅️ Назад
common-menu = 🏠 Главное меню

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
flood-slow-down = Слишком много сообщений подряд. Подождите несколько секунд и продолжайте.
person-named = { $name } ({ $label })
role-curator = Куратор
role-mentor = Наставник
role-mentee = Наставляемый
role-director = Руководитель
category-student = ученик
category-teacher = педагог
category-employer = представитель работодателя
category-university = представитель вуза
category-student-grade = ученик { $grade } класса

# Кто человек в программе — целыми словосочетаниями в нужном падеже ($role, $category, $grade: 0 — класс не указан)
who-nom = { $role ->
    [mentor] { $category ->
        [teacher] педагог-наставник
        [student] { $grade ->
            [0] наставник — ученик
           *[other] наставник — ученик { $grade } класса
        }
        [employer] наставник от работодателя
        [university] наставник от вуза
       *[none] наставник
    }
    [mentee] { $category ->
        [teacher] наставляемый педагог
        [student] { $grade ->
            [0] наставляемый — ученик
           *[other] наставляемый — ученик { $grade } класса
        }
       *[none] наставляемый
    }
    [director] руководитель
   *[curator] куратор
}
who-gen = { $role ->
    [mentor] { $category ->
        [teacher] педагога-наставника
        [student] { $grade ->
            [0] наставника — ученика
           *[other] наставника — ученика { $grade } класса
        }
        [employer] наставника от работодателя
        [university] наставника от вуза
       *[none] наставника
    }
    [mentee] { $category ->
        [teacher] наставляемого педагога
        [student] { $grade ->
            [0] наставляемого — ученика
           *[other] наставляемого — ученика { $grade } класса
        }
       *[none] наставляемого
    }
    [director] руководителя
   *[curator] куратора
}

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
tz-kaliningrad = Калининград (МСК−1)
tz-moscow = Москва (МСК)
tz-samara = Самара (МСК+1)
tz-yekaterinburg = Екатеринбург (МСК+2)
tz-omsk = Омск (МСК+3)
tz-novosibirsk = Новосибирск (МСК+4)
tz-krasnoyarsk = Красноярск (МСК+4)
tz-irkutsk = Иркутск (МСК+5)
tz-yakutsk = Якутск (МСК+6)
tz-vladivostok = Владивосток (МСК+7)
tz-magadan = Магадан (МСК+8)
tz-kamchatka = Камчатка (МСК+9)
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
school-created =
    Готово: школа «{ $name }» и программа { $year } созданы.
    Ниже — приглашение для куратора. Передайте ссылку куратору лично: по ней он войдёт в бот.
school-exists-programme = У школы «{ $name }» уже есть программа на { $year } год. Ничего не создано.
school-invalid = Не хватает данных о школе: название, город, часовой пояс, учебный год и хотя бы одна форма. Ничего не создано.
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
    Вы приглашены как { who-nom }.
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
    Статус: { $status }

# Анкеты

## Вопросы
q-full-name = Как вас зовут? Напишите фамилию, имя и отчество, например: Иванова Анна Сергеевна. Ученикам отчество можно не писать.
q-subjects = Какие предметы вы ведёте и в каких классах? Например: математика, 5–7 классы.
q-experience = Сколько полных лет вы работаете по специальности? Напишите число, например 2. Если меньше года — напишите 0.
q-age-band = Сколько вам лет? Это нужно только для статистики: город считает, сколько молодых педагогов участвует в наставничестве.
q-requests = С чем вам нужна помощь? Отметьте от 1 до 5 тем.
q-work-satisfaction = Насколько вы сейчас довольны своей работой? 1 — совсем нет, 10 — полностью.
q-help-kinds = Какая помощь вам удобнее? Отметьте всё, что подходит.
q-format = Как вам удобнее встречаться?
q-availability = Когда вам удобно встречаться? Отметьте все подходящие варианты.
q-expectations = Что вы ждёте от наставничества? Напишите коротко, своими словами. Если не хотите — нажмите «Пропустить».
q-help-subjects = По каким предметам вам нужна помощь? Например: алгебра, английский язык. Если помощь по предметам не нужна — нажмите «Пропустить».
q-interests = Чем вы увлекаетесь? Напишите коротко о кружках, секциях, хобби. Можно нажать «Пропустить».
q-school-confidence = Насколько уверенно вы чувствуете себя в школе? 1 — совсем неуверенно, 10 — очень уверенно.
q-mentor-preference = Какой наставник вам был бы ближе?
q-qualification = Какая у вас квалификационная категория?
q-competencies = В чём вы можете помочь? Отметьте от 1 до 8 тем.
q-mentored-before = Вы уже были наставником?
q-mentoring-experience = Расскажите коротко о своём опыте наставничества: кого и сколько времени вы сопровождали, что получилось.
q-capacity = Скольких наставляемых вы готовы вести одновременно? По положению — не больше трёх.
q-time-per-month = Сколько времени в месяц вы готовы уделять наставничеству?
q-strong-subjects = В каких предметах и занятиях вы сильны? Например: химия, программирование, волейбол.
q-achievements = Ваши достижения: олимпиады, конкурсы, проекты, школьные дела. Напишите коротко или нажмите «Пропустить».
q-motivation = Почему вы хотите стать наставником? Напишите одно-два предложения.
q-organisation = Где вы работаете или учитесь? Напишите название организации или вуза.
q-position = Ваша должность или специальность? Например: инженер-технолог или студент 3 курса.
q-can-offer = Что вы можете предложить ученикам? Отметьте всё, что подходит.
q-can-teach = Что вы можете показать ученикам и чему научить? Напишите коротко или нажмите «Пропустить».

## Короткие подписи вопросов (карточка, /privacy, таблицы)
qlabel-full-name = ФИО
qlabel-subjects = Предметы и классы
qlabel-experience = Стаж, лет
qlabel-age-band = Возраст
qlabel-requests = Запросы
qlabel-work-satisfaction = Удовлетворённость работой
qlabel-help-kinds = Виды помощи
qlabel-format = Формат встреч
qlabel-availability = Удобное время
qlabel-expectations = Ожидания
qlabel-help-subjects = Предметы, где нужна помощь
qlabel-interests = Увлечения
qlabel-school-confidence = Уверенность в школе
qlabel-mentor-preference = Желаемый наставник
qlabel-qualification = Квалификационная категория
qlabel-competencies = Компетенции
qlabel-mentored-before = Опыт наставника
qlabel-mentoring-experience = Опыт наставничества
qlabel-capacity = Наставляемых одновременно
qlabel-time-per-month = Время в месяц
qlabel-strong-subjects = Сильные предметы
qlabel-achievements = Достижения
qlabel-motivation = Мотивация
qlabel-organisation = Организация
qlabel-position = Должность
qlabel-can-offer = Что может предложить
qlabel-can-teach = Чему может научить

## Варианты ответов
opt-yes = Да
opt-no = Нет
opt-offline = Очно
opt-online = Онлайн
opt-any = Не важно
opt-weekdays-morning = Будни, утро
opt-weekdays-afternoon = Будни, день
opt-weekdays-evening = Будни, вечер
opt-weekend = Выходные
opt-under-35 = До 35 лет
opt-age-35-plus = 35 лет и старше
opt-visit-mentor-lessons = Ходить на уроки наставника
opt-mentor-visits-my-lessons = Наставник на моих уроках
opt-consultations = Консультации
opt-joint-preparation = Готовиться вместе к урокам
opt-older-student = Старшеклассник
opt-teacher = Учитель
opt-professional = Специалист из компании или вуза
opt-no-category = Без категории
opt-position-match = Соответствие должности
opt-first-category = Первая категория
opt-highest-category = Высшая категория
opt-teacher-methodist = Педагог-методист
opt-teacher-mentor = Педагог-наставник
opt-hours-1-2 = 1–2 часа
opt-hours-3-4 = 3–4 часа
opt-hours-5-8 = 5–8 часов
opt-hours-9-plus = Больше 8 часов
opt-career-talks = Рассказ о профессии
opt-master-classes = Мастер-классы
opt-excursions = Экскурсии на предприятие или в вуз
opt-joint-projects = Совместные проекты
opt-internships = Практика или стажировка

## Темы: запросы наставляемых и компетенции наставников
topic-lesson-planning = Планирование уроков и методика
topic-paperwork = Рабочие программы и документы
topic-discipline = Дисциплина и мотивация класса
topic-low-motivation = Ученики с низкой мотивацией
topic-special-needs = Дети с ОВЗ и дети-инофоны
topic-gifted-pupils = Одарённые дети и олимпиады
topic-parents = Работа с родителями
topic-colleagues = Коллеги и администрация
topic-certification = Аттестация
topic-digital-tools = Цифровые инструменты
topic-research-projects = Проекты и исследования
topic-class-teacher = Классное руководство
topic-burnout = Стресс и выгорание
topic-subject-knowledge = Знание предмета
topic-subject-help = Помощь по предмету
topic-adaptation = Адаптация в классе и школе
topic-communication = Общение и друзья
topic-self-organisation = Самоорганизация и учёба
topic-olympiads = Олимпиады и конкурсы
topic-projects = Проекты
topic-leadership = Лидерство и школьная жизнь
topic-career-guidance = Выбор профессии
topic-creativity-sports = Творчество и спорт
topic-professions = Профессии и отрасли
topic-internships = Проекты и стажировки
topic-soft-skills = Гибкие навыки
topic-education-path = Куда пойти учиться

# Согласие на обработку персональных данных (152-ФЗ)
consent-adult-v1 =
    Согласие на обработку персональных данных (версия 1)

    Оператор: { $school } — школа, которая проводит программу наставничества { $year }.
    Цель: ваше участие в программе в качестве { who-gen }: подбор наставнической пары, индивидуальный план, встречи, отчёты и мониторинг.
    Какие данные: ФИО; предмет, класс или место работы; стаж; ответы анкеты (запросы или компетенции, формат, удобное время); отметки о встречах и отзывы; ваш Telegram id.
    Срок: до окончания программы и ещё 1 год для отчётности школы, затем данные удаляются.
    Как отозвать: в любой момент — команда /privacy → «Отозвать согласие». Ответы анкеты и личные данные будут удалены.

    Это отдельное согласие, оно не связано с другими документами. Участие добровольное.
consent-parent-v1 =
    Согласие родителя (законного представителя) на обработку персональных данных ребёнка (версия 1)

    Ребёнок в Telegram: { $child }
    Ребёнок приглашён в программу как { who-nom }.
    Оператор: { $school } ({ $city }) — школа, которая проводит программу наставничества { $year }.
    Цель: участие ребёнка в программе — подбор наставника или наставляемого, план, встречи, отчёты и мониторинг.
    Какие данные ребёнка: ФИО; класс; ответы анкеты (запросы, интересы, формат, удобное время); отметки о встречах и отзывы; Telegram id. О вас сохраняется только Telegram id и факт согласия.
    Срок: до окончания программы и ещё 1 год для отчётности школы, затем данные удаляются.
    Как отозвать: в любой момент — команда /privacy → «Отозвать согласие за ребёнка». Данные ребёнка будут удалены.

    Это отдельное согласие, оно не связано с другими документами. Участие добровольное.
consent-accept = ✅ Даю согласие
consent-decline = ✖️ Не даю согласия
consent-ask-age = Вам уже исполнилось 18 лет? Если нет, согласие на обработку данных даёт родитель.
consent-age-adult = Да, мне 18 или больше
consent-age-minor = Нет, мне меньше 18
consent-thanks = Спасибо, согласие записано. Теперь — короткая анкета: она нужна, чтобы подобрать пару.
consent-declined-self = Понятно: без согласия мы ничего о вас не сохраняем, и в программе вы не участвуете. Передумаете — откройте /menu и нажмите «Дать согласие».
consent-parent-needed =
    Нужно согласие родителя (законного представителя): без него анкету заполнить нельзя.
    Перешлите родителю эту ссылку или покажите QR-код ниже — родитель откроет её в своём Telegram:
    { $link }
    Ссылка действует 14 дней. Когда родитель ответит, я вам напишу.
consent-parent-qr-caption = QR-код для родителя: наведите камеру телефона — откроется Telegram.
consent-parent-link-replaced = Прежняя ссылка для родителя больше не действует: работает только эта.
consent-relation-self = сам участник
consent-relation-parent = родитель
consent-method-bot = в боте
consent-method-paper = на бумаге
consent-decision-accepted = согласие дано
consent-decision-declined = отказ от согласия
consent-decision-withdrawn = согласие отозвано
consent-already-parent = Мы ждём согласия родителя. Новую ссылку для него можно получить в меню программы.
consent-already-questionnaire = Согласие уже дано — можно заполнять анкету.
consent-already-ready = Согласие уже дано, анкета заполнена.
intake-busy = Предыдущий шаг ещё не закончен. Попробуйте ещё раз через несколько секунд.

# Родитель
parent-child-unnamed = (имя не указано)
parent-link-is-for-parent = Эту ссылку нужно передать родителю: согласие даёт он со своего телефона.
parent-link-used = По этой ссылке уже ответил другой человек. Если это ошибка — попросите ребёнка получить новую ссылку.
parent-link-expired = Срок ссылки истёк. Попросите ребёнка получить новую ссылку в меню программы.
parent-link-replaced = Эта ссылка заменена новой: ребёнок получил другую ссылку для родителя. Попросите его переслать последнюю.
parent-already-answered = Вы уже ответили по этой ссылке.
parent-thanks = Спасибо! Согласие записано. Отозвать его можно в любой момент командой /privacy.
parent-declined = Понятно, согласие не дано. Данные ребёнка не сохраняются. Школа узнает о вашем решении.
child-parent-accepted = Родитель дал согласие. Теперь можно заполнить анкету.
child-parent-declined = Родитель не дал согласия на обработку данных, поэтому участвовать в программе через бот не получится. Если это ошибка — поговорите с родителем или куратором.
child-parent-withdrew = Родитель отозвал согласие на обработку ваших данных. Ответы анкеты удалены.

# Уведомления куратору
curator-consent-declined = Отказ от согласия ({ $relation }): { who-nom }. Данные не сохранены.
curator-parent-accepted = Родитель дал согласие за ребёнка ({ who-nom }). Участник может заполнять анкету.
curator-consent-withdrawn = Согласие отозвано ({ $relation }): { who-nom }. Ответы и личные данные удалены из баз.

# Статусы участников
intake-invited = приглашён, нет согласия
intake-parent = ждёт согласия родителя
intake-declined = отказ от согласия
intake-questionnaire = заполняет анкету
intake-ready = готов
questionnaire-not-yet-invited = Сначала нужно согласие на обработку данных.
questionnaire-not-yet-parent = Сначала нужно согласие родителя.
questionnaire-not-yet-declined = Без согласия анкету заполнить нельзя.

# Панель участника
participant-give-consent = ✅ Дать согласие
participant-consent-again = ✅ Передумал(а): дать согласие
participant-parent-link-again = 🔗 Ссылка для родителя
participant-my-questionnaire = 📝 Моя анкета
privacy-button = 🔒 Мои данные

# Анкета: общее
questionnaire-start = 📝 Заполнить анкету
question-header = Вопрос { $n } из { $total }
question-hint-text = Напишите ответ сообщением.
question-hint-number = Напишите число от { $min } до { $max }.
question-hint-choice = Выберите вариант кнопкой.
question-hint-multi = Отметьте подходящее и нажмите «Готово».
question-current = Сейчас: { $answer }
question-back = ⬅️ Назад
question-skip = Пропустить ➡️
question-done = ✅ Готово
question-done-count = ✅ Готово (отмечено: { $count })
answer-none = —
answer-skipped = (пропущено)
answer-not-text = Нужен ответ текстом.
answer-empty = Пустой ответ. Напишите, пожалуйста, текстом.
answer-not-a-number = Нужно число цифрами, например 3.
answer-out-of-range = Нужно число от { $min } до { $max }.
answer-unknown-option = Такого варианта нет. Выберите кнопкой.
answer-too-few = Отметьте хотя бы { $min }.
answer-too-many = Можно отметить не больше { $max }.
answer-required = На этот вопрос нужен ответ.
summary-title = Проверьте анкету. Чтобы исправить ответ, нажмите его номер.
summary-change = ✏️ { $n }
summary-submit = ✅ Отправить
summary-save = ✅ Сохранить изменения
summary-later = Вернусь позже
questionnaire-paused = Ответы сохранены. Продолжить можно в любой момент: /menu → ваша программа.
questionnaire-recheck = Один ответ нужно уточнить: список тем программы изменился. Ответьте, пожалуйста, ещё раз.
questionnaire-submitted = Анкета отправлена куратору. Спасибо! Изменить ответы можно в меню программы.
questionnaire-closed = Анкета сейчас недоступна: согласие не дано или отозвано. Откройте /menu.

# /privacy
privacy-title = 🔒 Что бот хранит о вас
privacy-account = Telegram id: { $id }; язык: { $language }.
privacy-role = { $role }{ $category } · { $school }, { $year }
privacy-curator-only-id = Для куратора хранится только Telegram id.
privacy-status = Статус: { $status }
privacy-consent-line = { $date } — { $decision } ({ $relation }, { $method }, текст версии { $version })
privacy-answers = Ответов в анкете: { $count }
privacy-no-answers = Анкеты нет.
privacy-parent-of = Вы дали согласие как родитель ({ $date }) за ребёнка, который участвует в программе «{ $school }» как { who-nom }. О вас хранится только Telegram id.
privacy-file = 📄 Получить файл с моими данными
privacy-file-title = Данные, которые бот хранит о вас
privacy-file-name = moi-dannye.txt
privacy-file-caption = Всё, что бот хранит о вас, в одном файле.
privacy-withdraw = 🗑 Отозвать согласие: { $school }
privacy-withdraw-child = 🗑 Отозвать согласие за ребёнка: { $school }
privacy-withdraw-confirm = Отозвать согласие? Ответы анкеты и личные данные будут удалены, вы выйдете из баз программы. Останется только обезличенная отметка, что согласие отозвано.
privacy-withdraw-child-confirm = Отозвать согласие за ребёнка? Его ответы и личные данные будут удалены, он выйдет из баз программы.
privacy-withdraw-yes = Да, отозвать и удалить
privacy-withdraw-no = Нет, оставить
privacy-withdrawn = Согласие отозвано, ваши данные удалены. Куратор получил уведомление.
privacy-withdrawn-child = Согласие отозвано, данные ребёнка удалены. Ребёнок и куратор получили уведомление.

# Базы куратора
curator-bases = 👥 Базы наставников и наставляемых
bases-title = Базы программы «{ $school }», { $year }
bases-line =
    { $role }: всего { $total }
    • приглашены, нет согласия — { $invited }
    • ждут согласия родителя — { $parent }
    • отказ от согласия — { $declined }
    • заполняют анкету — { $questionnaire }
    • готовы — { $ready }
bases-mentors = 🧑‍🏫 Наставники
bases-mentees = 🎒 Наставляемые
bases-export = 📊 Выгрузка XLSX
bases-remind = 🔔 Напомнить застрявшим
bases-topics = 🏷 Темы запросов и компетенций
bases-reminded = Напоминания отправлены: { $count }.
bases-list-title = { $role } · статус: { $status } · категория: { $category } · тема: { $topic } — { $count }
bases-list-item = { $n }. { $name } — { $category } — { $status }
bases-list-empty = Никого нет.
bases-no-name = (анкета не заполнена)
bases-filter-all = все
bases-filter-status = Статус ▸
bases-filter-category = Категория ▸
bases-filter-topic = Тема ▸
card-title = { $name } — { $role }{ $category }
card-consents = Согласие:
card-no-consents = пока нет
card-paper = подписал(а) { $signer }, { $date }
card-answers = Анкета:
card-answers-draft = Анкета (ещё заполняется):
card-write = ✉️ Написать
write-ask = Напишите сообщение участнику (до 1000 символов). Бот перешлёт его от имени программы. /cancel — отмена
write-from-curator = Сообщение от куратора программы наставничества «{ $school }»:
    { $text }
write-sent = Сообщение отправлено.
write-not-delivered = Не удалось доставить: участник, похоже, остановил бота.
card-paper-consent = 📝 Записать бумажное согласие
remind-consent = Напоминание от программы наставничества «{ $school }»: чтобы участвовать, нужно ваше согласие на обработку данных.
remind-parent = Напоминание от программы наставничества «{ $school }»: мы всё ещё ждём согласия родителя. Перешлите ему ссылку ещё раз.
remind-questionnaire = Напоминание от программы наставничества «{ $school }»: анкета ещё не заполнена до конца — ответы сохранены, продолжите с того же места.

# Бумажное согласие
paper-ask-signer = Бумажное согласие: { $who }. Кто подписал? Напишите фамилию и инициалы.
paper-ask-signer-parent = Бумажное согласие родителя: { $who }. Кто из родителей подписал? Напишите фамилию и инициалы.
paper-ask-date = Дата на согласии? Напишите как 15.09.2026.
paper-bad-date = Не понял дату. Напишите как 15.09.2026 (не позже сегодняшнего дня).
paper-confirm =
    Записать бумажное согласие?
    Участник: { $who }
    Подписал(а): { $signer }
    Дата: { $date }
paper-save = ✅ Записать
paper-saved = Бумажное согласие записано. Участник может заполнять анкету — я ему написал.
paper-not-needed = Согласие у этого участника уже есть.
paper-recorded-for-you = Куратор записал бумажное согласие на обработку данных. Теперь можно заполнить анкету.

# Темы
topics-title = Темы запросов и компетенций ({ $count }). Наставляемые выбирают из них запросы, наставники — компетенции.
topics-remove = ✖️ { $n }
topics-add = ➕ Добавить тему
topics-ask-label = Напишите название новой темы (до 60 символов).
topics-added = Тема «{ $label }» добавлена.
topics-removed = Тема убрана.
topics-keep-one = Должна остаться хотя бы одна тема.

# Выгрузка
xlsx-file-name = bazy-nastavnichestva
xlsx-caption = Базы наставников и наставляемых: { $school }, { $year }
xlsx-sheet-mentor = Наставники
xlsx-sheet-mentee = Наставляемые
xlsx-col-n = №
xlsx-col-name = ФИО
xlsx-col-category = Категория
xlsx-col-status = Статус
xlsx-col-consent-date = Дата согласия
xlsx-col-consent-how = Согласие дано
xlsx-col-competencies = Компетенции
xlsx-col-requests = Запросы
xlsx-col-format = Формат
xlsx-col-availability = Удобное время
xlsx-col-experience = Стаж, лет
xlsx-col-capacity = Наставляемых одновременно
xlsx-col-submitted = Анкета отправлена
xlsx-col-other = Другие ответы

# Подбор пар
match-topics = совпадение: { $topics }
match-mutual = взаимный выбор
match-mentee-choice = выбор наставляемого (№{ $rank })
match-mentor-choice = выбор наставника (№{ $rank })
match-format-match = формат подходит
match-format-mismatch = разный формат: { $mentee } и { $mentor }
match-format-offline = очно
match-format-online = онлайн
match-format-any = любой
match-shared-time = общее время: { $slots }
match-category-student = учеников
match-category-teacher = учителей
match-unmatched-no-form = в программе нет формы наставничества для { $category }
match-unmatched-no-mentor-with-capacity = нет наставника подходящей формы со свободными местами
match-unmatched-no-shared-topic = у наставников со свободными местами нет общих тем с запросом и нет взаимного выбора
match-unmatched-outbid = места у подходящих наставников отданы тем, кому они подходят больше
match-best-candidate = лучший кандидат: { $mentor } ({ $form }, баллы: { $fit })

# Пары и группы: ролевые модели (варианты взаимодействия, Положение 2.2.5, 2.3.5, 2.4.5)
role-model-achiever-underachiever = успевающий – неуспевающий
role-model-leader-passive = лидер – пассивный
role-model-peer-to-peer = равный – равному
role-model-experienced-young = опытный педагог – молодой специалист
role-model-leader-struggling = лидер педагогического сообщества – педагог, испытывающий проблемы
role-model-innovator-conservative = педагог-новатор – консервативный педагог
role-model-experienced-inexperienced-subject = опытный предметник – неопытный предметник
role-model-professional-indifferent = активный профессионал – равнодушный потребитель
role-model-colleague-young-colleague = коллега – молодой коллега
role-model-employer-future-employee = работодатель – будущий сотрудник

# Причины замены наставника (2.8, 5.1)
reason-replace-mentor-left = прекращение трудового договора с наставником (наставник выбыл из школы)
reason-replace-transfer = перевод наставника или наставляемого на другую должность или в другое подразделение
reason-replace-mentor-request = просьба наставника
reason-replace-mentee-request = просьба наставляемого (ходатайство о замене наставника)
reason-replace-mentor-not-fulfilling = неисполнение наставником функций наставничества или своих обязанностей
reason-replace-long-absence = длительное отсутствие наставника (болезнь и другие причины)
reason-replace-incompatibility = психологическая несовместимость наставника и наставляемого
reason-replace-other = иные обстоятельства, препятствующие наставничеству

# Причины продления срока (2.9)
reason-extend-incapacity = временная нетрудоспособность
reason-extend-business-trip = командировка
reason-extend-absence = иное продолжительное отсутствие по уважительной причине

# Причины досрочного прекращения (2.10)
reason-end-mentee-not-fulfilling = неисполнение наставляемым своих обязанностей
reason-end-mentee-left = перевод или выбытие наставляемого
reason-end-mutual-agreement = по согласию наставника и наставляемого
reason-end-other = иные обстоятельства

# Статусы пар
pair-status-awaiting = ждёт согласия участников
pair-status-active = работает
pair-status-declined = отклонена
pair-status-ended = завершена

# История пары
pair-event-proposed = пара предложена
pair-event-agreed = участник согласился
pair-event-declined = участник отказался
pair-event-activated = пара начала работу
pair-event-order = утверждена приказом
pair-event-mentor-replaced = наставник заменён
pair-event-extended = срок продлён
pair-event-ended-early = наставничество прекращено досрочно
pair-event-ended = наставничество завершено
pair-event-replacement-requested = запрошена замена наставника

# Срок наставничества и лимит наставника
term-problem-end-before-start = Дата окончания должна быть позже даты начала.
term-problem-too-long = Срок наставничества — не больше двух лет.
term-problem-start-too-old = Дата начала не может быть раньше, чем год назад.
term-problem-start-too-far = Дата начала не может быть позже, чем через год.
extension-problem-not-later = Новая дата окончания должна быть позже текущей.
date-problem-not-a-date = Это не дата — напишите дату как ДД.ММ.ГГГГ, например 31.05.2026.
date-problem-in-the-future = Дата в будущем — укажите сегодняшний или прошедший день.
date-problem-before-start = Раньше начала — эта дата не может быть раньше даты начала.
limit-problem-out-of-range = Наставник ведёт от 1 до 3 наставляемых одновременно (Положение, п. 2.5).

# Пары и группы: куратор
curator-pairs = 🤝 Пары и группы
pairs-home =
    Пары и группы · { $school }, { $year }
    Наставники готовы: { $mentors }, из них отобраны и обучены: { $trained }
    Наставляемые без пары: { $pool }
    Ждут согласия: { $awaiting } · действуют: { $active }
    Тур предпочтений: { $round }
pairs-round-open = идёт, до { $until }
pairs-round-none = не открыт
pairs-mentors = 🎓 Наставники: отбор, обучение, лимит
pairs-round = 🗳 Тур предпочтений
pairs-propose = ✨ Подбор пар
pairs-manual = ✍️ Пара или группа вручную
pairs-list = 📋 Все пары и группы
pairs-order = 📄 Приказ и список для него
pairs-mentors-title = Наставники. Нажмите номер, чтобы отметить обучение и задать лимит.
pairs-mentor-line = { $n }. { $name } — { $trained }, лимит { $limit }, свободно { $free }
pairs-trained-on = отобран и обучен { $date }
pairs-not-trained = не обучен
pairs-mentor-card =
    { $name }
    { $trained }
    Лимит наставляемых одновременно: { $limit } (по положению не больше 3), свободно: { $free }
pairs-mark-trained = ✅ Отобран и прошёл обучение (сегодня)
pairs-unmark-trained = ↩️ Снять отметку об обучении
pairs-trained-removed = Отметка об обучении снята.
pairs-limit = Лимит { $n }
pairs-trained-saved = Отмечено: отобран и обучен.
pairs-limit-saved = Лимит сохранён.
pairs-limit-below-load = Нельзя: у наставника уже больше наставляемых, чем этот лимит.
pairs-list-title = Пары и группы ({ $count }):
pairs-list-item = { $n }. { $mentor } → { $mentees } — { $status }, до { $end }
proposal =
    Предложение { $n } из { $total }
    Наставник: { $mentor }
    Наставляемый: { $mentee }
    Форма: { $form }
    Баллы совпадения: { $fit }
    Почему: { $why }
proposal-accept = ✅ Принять
proposal-swap = 🔁 Другой наставник
proposal-skip = ⏭ Пропустить
proposal-sent = Пара предложена участникам: ждём согласия всех сторон.
proposal-no-longer = Это предложение уже не действует: у наставника нет мест или наставляемый уже в паре.
proposal-swap-title = Выберите другого наставника (со свободными местами, лучшие по совпадению — первыми):
proposal-swap-none = Других подходящих наставников со свободными местами нет.
proposal-swap-option = { $name } — баллы { $fit }
proposals-done = Предложений больше нет. Всего было: { $count }.
proposals-unmatched = Остались без пары (поиск продолжается):
propose-failed-mentor-full = Не получилось: у наставника не осталось свободных мест.
propose-failed-mentee-taken = Не получилось: наставляемый уже в другой паре.
propose-failed-not-ready = Не получилось: участник ещё не готов (нет согласия или анкеты).
propose-failed-group-size = В группе может быть от 1 до 3 наставляемых.
manual-nobody = Пока некого объединять: нужны готовые наставляемые без пары и обученные наставники со свободными местами.
manual-choose-mentor = Выберите наставника:
manual-mentor-option = { $name } — свободно { $free }
manual-choose-mentees = Отметьте наставляемых (не больше { $max }; двое-трое — это группа) и нажмите «Готово».
manual-too-many = Больше { $max } отметить нельзя.
manual-no-form = Ни одна форма программы не подходит этим участникам (например, наставник-ученик должен быть старше).
manual-choose-form = Форма наставничества:
manual-choose-model = Ролевая модель:
manual-no-model = Без ролевой модели
manual-start = Дата начала? Нажмите кнопку или напишите как 15.01.2027.
manual-end = Плановая дата окончания? Нажмите кнопку или напишите как 31.05.2027.
manual-confirm =
    Создать и отправить участникам на согласие?
    Наставник: { $mentor }
    Наставляемые: { $mentees }
    Форма: { $form }
    Ролевая модель: { $model }
    Срок: { $start } — { $end }
manual-create = ✅ Создать
manual-why = составлено куратором
manual-sent = Готово: участники получили предложение и должны согласиться.
pair-card =
    Наставник: { $mentor }
    Наставляемые: { $mentees }
    Форма: { $form }; ролевая модель: { $model }
    Срок: { $start } — { $end }
    Статус: { $status }
    Приказ: { $order }
pair-order-line = № { $number } от { $date }
pair-waiting-for = Ещё не ответили: { $parties }
pair-history = История:
pair-party-mentor = наставник
pair-party-mentee = наставляемый
pair-party-parent = родитель
pair-party-paper-parent = родитель (согласие на бумаге)
pair-paper-parent-agrees = ✅ Родитель согласен (на бумаге): { $child }
pair-choose-model = 🎭 Ролевая модель
pair-model-saved = Ролевая модель сохранена.
pair-set-term = 📅 Сроки
pair-term-saved = Сроки пары: { $start } — { $end }.
pair-term-not-saved-active = Сроки не сохранены: все уже согласились, и пара действует. Срок действующей пары можно продлить в её карточке.
pair-term-not-saved-closed = Сроки не сохранены: пара уже закрыта.
pair-replace = 🔁 Заменить наставника
pair-extend = ⏩ Продлить срок
pair-end = ⏹ Завершить досрочно

# Пары и группы: участники
pair-ask =
    Предлагаем наставническую пару в программе «{ $school }».
    Наставник: { $mentor }
    Наставляемые: { $mentees }
    Форма: { $form }
    Срок: { $start } — { $end }
    Почему: { $why }
    Наставничество добровольное: согласны?
pair-ask-parent =
    Для вашего ребёнка предлагают наставническую пару в программе «{ $school }».
    Наставник: { $mentor }
    Наставляемые: { $mentees }
    Форма: { $form }
    Срок: { $start } — { $end }
    Почему: { $why }
    Вы согласны?
pair-agree = ✅ Согласен(на)
pair-disagree = ✖️ Не согласен(на)
agreement-waiting = Спасибо! Ждём ответа остальных.
agreement-active = Все согласны — пара начала работу!
agreement-declined = Понятно. Куратор подберёт другой вариант.
agreement-closed = Это предложение уже закрыто.
pair-active = Все стороны согласились: наставническая пара начала работу. Удачи!
pair-active-curator = Пара с наставником { $mentor } начала работу: все согласились.
pair-declined = Предложенная пара не состоялась: одна из сторон отказалась. Куратор подберёт другой вариант.
pair-declined-curator = Отказ от пары ({ $who }): наставник { $mentor }, наставляемые { $mentees }. Причина: { $reason }.{ $text } Наставляемые вернулись в список без пары.
participant-pair = Ваша пара: { $mentor } → { $mentees }, до { $end }
participant-ask-replacement = 🔁 Попросить куратора о замене
replacement-requested = Просьба о замене отправлена куратору. Он свяжется с вами.
replacement-open-pair = Открыть пару
replacement-requested-curator = Просьба о замене в паре от: { $who }. Откройте «Пары и группы», чтобы решить.

# Тур предпочтений
round-none = Тур предпочтений не открыт. После общей встречи откройте его: каждый выберет до трёх человек с другой стороны. На сколько дней открыть?
round-open = 🗳 На { $days } { $days ->
    [one] день
    [few] дня
   *[many] дней
}
round-status = Тур идёт до { $until }. Ответили { $answered } из { $asked }:
round-close = ⏹ Закрыть тур
bases-reminding = Рассылаю напоминания…
round-opened = Тур открыт, приглашения отправлены: { $count }.
round-closed-curator = Тур закрыт.
round-ask-mentee = Программа «{ $school }»: выберите до трёх наставников, с которыми хотели бы работать (до { $until }).
round-ask-mentor = Программа «{ $school }»: выберите до трёх наставляемых, с которыми хотели бы работать (до { $until }).
round-choose = 🗳 Выбрать
round-intro = Нажимайте номера по порядку: первый — самый желанный (не больше { $max }). Повторное нажатие убирает выбор.
round-chosen = Ваш выбор: { $names }.
round-card = { $n }. { $name }
    Темы: { $topics }
    Формат: { $format }
round-reset = Сбросить
round-saved = Ваш выбор сохранён: { $names }.
round-closed = Тур предпочтений закрыт или недоступен.
round-nobody = Пока выбрать не из кого.
round-already-open = Тур предпочтений уже открыт.
round-none-open = Открытого тура нет.
round-deadline-invalid = Срок тура должен быть позже сегодняшнего дня и не дальше месяца.
round-not-eligible = Сейчас вы не участвуете в туре: выбирают готовые наставляемые без пары и отобранные наставники со свободными местами.
round-ranking-empty = Выберите хотя бы одного человека.
round-ranking-too-many = Можно выбрать не больше { $max }.
round-ranking-changed = Список изменился, пока вы выбирали. Нажмите «Выбрать» в приглашении ещё раз.
round-ranking-busy = Нажатие не успело: выбор менялся в ту же секунду. Нажмите ещё раз.

# Изменения в паре
change-replace-ask-reason = Причина замены наставника (п. 2.8 положения):
change-extend-ask-reason = Причина продления срока (п. 2.9):
change-end-ask-reason = Причина досрочного завершения (п. 2.10):
change-choose-mentor = Новый наставник (со свободными местами):
change-no-mentor = Нет наставников со свободными местами для этой пары.
change-replace-mentor-full = У выбранного наставника не осталось мест.
change-replace-not-ready = Этот наставник не может быть выбран.
change-replace-changed = Пара уже изменилась — откройте её заново.
change-replace-ended = Пара уже завершена — наставник не заменён.
change-extend-ask-date = Новая дата окончания? Нажмите кнопку или напишите как 30.06.2027.
change-extended = Срок продлён до { $date }.
change-extend-ended = Пара уже завершена — срок не изменён.
change-end-confirm = Завершить наставничество досрочно? Запись останется в истории.
change-end-yes = ⏹ Завершить
change-ended = Наставничество завершено досрочно. Наставляемые вернулись в список без пары.
change-end-already = Пара уже завершена.
change-told-replaced = В вашей паре новый наставник: все согласились. План и встречи остаются в истории пары.
change-told-former-mentor = Куратор передал одну из ваших пар другому наставнику. Спасибо за вашу работу!
change-told-extended = Куратор продлил срок наставничества в вашей паре.
change-told-ended = Куратор завершил наставничество в вашей паре досрочно.

# Приказ
order-nothing = Нет действующих пар без приказа.
order-ask-number = В приказ войдут действующие пары без приказа: { $count }. Номер приказа?
order-ask-date = Дата приказа? Нажмите кнопку или напишите как 15.01.2027.
order-caption = Список к приказу № { $number } «Об утверждении наставнических пар/групп»: пар и групп — { $count }.
order-sheet = Приказ
order-heading = Список наставнических пар/групп к приказу № { $number } от
order-subheading = { $school }, программа наставничества { $programme }
order-col-n = №
order-col-form = Форма
order-col-role-model = Ролевая модель
order-col-mentor = Наставник
order-col-mentees = Наставляемые
order-col-start = Начало
order-col-end = Окончание
order-file-name = prikaz-{ $number }.xlsx
pairs-limit-out-of-range = Лимит наставляемых — от 1 до { $max }.
propose-failed-form = Не получилось: эта форма наставничества не подходит или не ведётся в программе.
propose-failed-role-model = Не получилось: эта ролевая модель не относится к выбранной форме.
propose-failed-term = Не получилось: проверьте сроки пары.

# Pages of every list (the shared pager, bot/views/paging.ts).

# Pairs at a real school's size: the picker by hand, the whole history, a replacement request answered.
manual-for-mentor = Наставник: { $name }
manual-marked = Отмечено: { $count } из { $max }.
manual-mentor-gone = У этого наставника больше нет свободных мест, или он уже не готов. Выберите наставника заново.
manual-mentee-gone = Этот наставляемый уже в паре или выбыл из программы. Обновите список и отметьте другого.
pair-history-last = История (последние { $shown } из { $total }):
pair-history-all = 📜 Вся история ({ $count } { $count ->
    [one] событие
    [few] события
   *[many] событий
})
pair-history-title = История пары: { $mentor } → { $mentees }
pair-replacement-open = ⚠️ { $who } просит заменить наставника (с { $date }). Замените наставника или отклоните просьбу.
pair-replacement-dismiss = ✖️ Отклонить просьбу о замене
replacement-already-requested = Вы уже попросили о замене, и куратор её ещё не рассмотрел. Повторять не нужно: куратор ответит.
replacement-none-open = Открытой просьбы о замене уже нет.
replacement-dismissed = Куратор рассмотрел вашу просьбу о замене наставника и оставил пару без изменений. Если вопрос остался, напишите куратору.
replacement-dismissed-note = Просьба о замене отклонена, участник получил ответ.
# Страницы списков (общие)

# Кураторы программы
curators-button = 👤 Кураторы
curators-title = Кураторы программы — { $total }
curators-item = { $n }. Куратор, Telegram id { $id }, с { $since }{ $self ->
    [yes] {" "}(вы)
   *[no] {""}
}
curators-remove-button = ✖️ Убрать № { $n }
curators-remove-ask = Убрать куратора № { $n } (Telegram id { $id })? Он сразу потеряет доступ к программе: его кнопки перестанут работать.
curators-remove-yes = Да, убрать
curators-removed = Куратор убран: доступа к программе у него больше нет.
curators-already-removed = Этого куратора уже нет в программе.
curators-not-self = Себя убрать нельзя: попросите об этом другого куратора или оператора.
invite-curator-single = Приглашение куратора — личное: по ссылке войдёт один человек.

# Журнал действий кураторов
audit-button = 🗂 Журнал действий
audit-title = Журнал действий кураторов с участниками (хранится год) — { $total }
audit-empty = Записей пока нет.
audit-item = { $n }. { $date } — { $who }: { $what }{ $whom }
audit-who-you = вы
audit-who-curator = куратор id { $id }
audit-whom-person = {" "}— { $name }
audit-whom-pair = {" "}— пара
audit-whom-unnamed = {" "}— участник без анкеты
audit-action-card-opened = открыл(а) карточку участника
audit-action-bases-exported = выгрузил(а) базы в XLSX
audit-action-message-sent = написал(а) участнику через бота
audit-action-paper-consent = записал(а) бумажное согласие
audit-action-pair-made = составил(а) пару вручную
audit-action-proposal-accepted = принял(а) предложенную пару
audit-action-mentor-replaced = заменил(а) наставника
audit-action-term-extended = продлил(а) срок пары
audit-action-pair-ended = завершил(а) пару досрочно
audit-action-curator-removed = убрал(а) куратора
audit-action-audit-exported = выгрузил(а) журнал действий
audit-export = 📊 Выгрузить журнал (XLSX)
audit-file-name = zhurnal-deystviy
audit-caption = Журнал действий кураторов: { $school }, { $year }. Файл защищён от пересылки.
audit-sheet = Журнал
audit-col-n = №
audit-col-at = Дата и время
audit-col-who = Кто (Telegram id)
audit-col-what = Действие
audit-col-person = Участник
audit-col-pair = Пара (id)

# Напоминания застрявшим
bases-reminded-none = Сегодня напоминания уже отправлены всем, кто застрял на шаге. Следующие — завтра.
# Темы
topics-too-many = В программе уже { $max } { $max ->
    [one] тема
    [few] темы
   *[many] тем
} — больше добавить нельзя. Уберите ненужную тему и добавьте новую.
# Pages of any list (the pager row): «1–20 из 143».

# Работа пары: меню пары
participant-open-pair = 🤝 Открыть пару
pair-menu-title =
    🤝 Пара: наставник { $mentor }, наставляемые: { $mentees }
    Сроки: { $start } — { $end }
pair-menu-not-active = Эта пара уже не работает: меню пары закрыто.

# Дорожная карта, напоминания о сроках этапов, тихие пары, дайджесты
curator-roadmap = 🗺 Дорожная карта
stage-conditions = Подготовка условий для запуска программы наставничества
stage-conditions-result = Дорожная карта реализации наставничества; пакет документов (приказы, положение); назначен куратор; участники проинформированы о программе.
stage-mentee-base = Формирование базы наставляемых
stage-mentee-base-result = База наставляемых с картой запросов; собраны анкеты и согласия на обработку персональных данных.
stage-mentor-base = Формирование базы наставников
stage-mentor-base-result = База наставников, которые потенциально могут быть задействованы в программе; анкеты и согласия.
stage-mentor-training = Отбор и обучение наставников
stage-mentor-training-result = Анкеты наставников обработаны; наставники отобраны и обучены, готовы к работе.
stage-pairing = Формирование наставнических пар / групп
stage-pairing-result = Сформированы пары / группы, готовые продолжить работу; приказ «Об утверждении наставнических пар/групп».
stage-pair-work = Организация работы наставнических пар / групп
stage-pair-work-result = Встречи пар и групп по плану; обратная связь после встреч; мониторинг результатов наставляемых.
stage-completion = Завершение программы наставничества
stage-completion-result = Отчёты и обратная связь наставников, наставляемых и кураторов; мониторинг удовлетворённости и качества; поощрение лучших наставников; долгосрочная база наставников.
roadmap-role-curator = куратор
roadmap-role-director = администрация (руководитель)
roadmap-role-mentor = наставники
roadmap-title = 🗺 Дорожная карта: { $school }, { $year } учебный год
roadmap-line = { $mark } { $number }. { $stage }
    { $start } — { $deadline }, отв.: { $role }{ $done }
roadmap-done-on = , выполнен { $date }
roadmap-current = Текущий этап: { $number }. { $stage } — срок { $deadline }.
roadmap-all-done = Все этапы выполнены.
roadmap-hint = Нажмите номер этапа, чтобы изменить сроки или отметить его выполненным.
roadmap-stage-title = 🗺 Этап { $number }. { $stage }
roadmap-stage-dates = Сроки: { $start } — { $deadline }. Ответственные: { $role }.
roadmap-stage-expected = Ожидаемый результат: { $result }
roadmap-stage-done = ✅ Выполнен { $date }. Результат: { $result }
roadmap-stage-open = Этап ещё не отмечен выполненным.
roadmap-start-earlier = Начало −1 нед.
roadmap-start-later = Начало +1 нед.
roadmap-deadline-earlier = Срок −1 нед.
roadmap-deadline-later = Срок +1 нед.
roadmap-type-start = ✏️ Ввести начало
roadmap-type-deadline = ✏️ Ввести срок
roadmap-mark-done = ✅ Отметить выполненным
roadmap-reopen = ↩️ Снять отметку
roadmap-back = ⬅️ К дорожной карте
roadmap-open-button = 🗺 Открыть дорожную карту
roadmap-ask-start = Напишите дату начала этапа как ДД.ММ.ГГГГ, например 01.09.2026. /cancel — отмена
roadmap-ask-deadline = Напишите срок (последний день) этапа как ДД.ММ.ГГГГ, например 30.11.2026. /cancel — отмена
roadmap-date-saved = Сроки этапа сохранены.
roadmap-ask-result = Коротко опишите результат этапа (до { $max } символов). /cancel — отмена
roadmap-done-saved = Этап отмечен выполненным.
roadmap-reopened = Отметка о выполнении снята.
roadmap-start-after-deadline = Начало этапа не может быть позже его срока.
roadmap-already-done = Этап уже отмечен выполненным.
roadmap-result-too-long = Слишком длинно: не больше { $max } символов.
stage-nudge-7d = ⏰ Через неделю, { $deadline }, срок этапа { $number } «{ $stage }». Проверьте, что всё идёт по плану, и отметьте этап, когда он будет выполнен.
stage-nudge-1d = ⏰ Завтра, { $deadline }, срок этапа { $number } «{ $stage }».
stage-nudge-overdue = ⏰ Срок этапа { $number } «{ $stage }» прошёл { $deadline }, а этап не отмечен выполненным. Отметьте его или перенесите срок в дорожной карте.
quiet-pair-nudge = ⏰ С наставляемыми ({ $mentees }) не было подтверждённых встреч { $days } дн. — с { $since }. Запланируйте встречу или отметьте прошедшую в меню пары.
quiet-pair-open = 🤝 Открыть пару
digest-weekly =
    📊 Дайджест программы за неделю
    Новые участники: { $newPeople }
    Согласия ждут или отклонены: { $consents }
    Наставляемые без пары: { $unpaired }
    Тихие пары: { $quietPairs }
    Открытые сигналы: { $openFlags }
    Просроченные отчёты: { $overdueReports }
    Недоступны (заблокировали бота): { $unreachable }
    Текущий этап: { $number }. { $stage } — срок { $deadline }
digest-monthly =
    📊 Сводка программы за месяц
    Работающих пар: { $activePairs }
    Новые участники за месяц: { $newPeople }
    Согласия ждут или отклонены: { $consents }
    Наставляемые без пары: { $unpaired }
    Тихие пары: { $quietPairs }
    Открытые сигналы: { $openFlags }
    Просроченные отчёты: { $overdueReports }
    Недоступны (заблокировали бота): { $unreachable }
    Текущий этап: { $number }. { $stage } — срок { $deadline }
digest-button-new = 🆕 Новые: { $n }
digest-button-consents = 📝 Согласия: { $n }
digest-button-unpaired = 🧍 Без пары: { $n }
digest-button-quiet = 🔕 Тихие пары: { $n }
digest-button-unreachable = 🚫 Недоступны: { $n }
digest-button-flags = 🆘 Сигналы: { $n }
digest-button-overdue = ⏰ Просрочены отчёты: { $n }
digest-list-new-week = 🆕 Новые участники за прошлую неделю
digest-list-new-month = 🆕 Новые участники за прошлый месяц
digest-list-consents = 📝 Согласия ждут или отклонены
digest-list-unpaired = 🧍 Наставляемые без пары
digest-list-quiet = 🔕 Тихие пары: нет подтверждённых встреч
digest-list-unreachable = 🚫 Недоступны: заблокировали бота
digest-list-empty = Список пуст.
digest-list-line = { $n }. { $person } — { $detail }
digest-pair-line = наставник { $mentor }, наставляемые: { $mentees }
digest-quiet-detail = без встреч { $days } дн., с { $since }
digest-intake-invited = ждём согласия
digest-intake-parent = ждём согласия родителя
digest-intake-declined = согласие отклонено
digest-intake-questionnaire = заполняет анкету
digest-intake-ready = в базе
digest-open-card = { $n }
digest-quiet-rule = Пара считается тихой, если { $days } дн. нет подтверждённых встреч (с последней встречи или с начала работы пары).
digest-quiet-days = { $mark }{ $days } дн.
digest-quiet-days-saved = Порог тихой пары: { $days } дн.
# Индивидуальный план (2.11–2.12, 3.1)
plan-kind-acquaintance = Знакомство с рабочим местом и коллективом
plan-kind-duties = Обязанности и требования
plan-kind-adaptation = Адаптация
plan-kind-theory = Теоретические и практические вопросы
plan-kind-practice = Практические задания
plan-kind-consolidation = Закрепление знаний и навыков
plan-kind-assistance = Содействие в выполнении обязанностей
plan-kind-other = Другие мероприятия
plan-status-draft = черновик
plan-status-sent = на ознакомлении у наставляемого
plan-status-acknowledged = ознакомлен(а), ждёт утверждения
plan-status-approved = утверждён
plan-button = 📋 Индивидуальный план
plan-button-of = 📋 План: { $name }
plan-card-button = 📋 План
plan-title = 📋 Индивидуальный план: { $mentee } (наставник { $mentor })
plan-status-line = Статус: { $status } · версия { $version }
plan-progress = Выполнено { $done } из { $total }
plan-acknowledged-on = Ознакомлен(а): { $date }
plan-approved-on = Утверждён: { $date }
plan-empty = В плане пока нет пунктов.
plan-empty-mentor = В плане пока нет пунктов. Начните с шаблона для формы наставничества или добавьте пункт.
plan-none = плана нет
plan-item-line = { $n }. { $mark } { $title } — до { $due } ({ $kind })
plan-add = ➕ Пункт
plan-from-template = 📄 Из шаблона
plan-send = 📨 Отправить на ознакомление
plan-send-again = 📨 Отправить изменения на ознакомление
plan-acknowledge = ✅ Ознакомлен(а)
plan-approve = ✍️ Утверждаю
plan-versions-button = 🗂 Прежние версии ({ $count })
plan-open = 📋 Открыть план
plan-open-to-approve = 📋 Открыть план для утверждения
plan-pick-title = 📋 Индивидуальные планы пары: выберите наставляемого.
plan-pick-line = { $name } — { $done } из { $total } · { $status }
plan-item-card =
    Пункт { $n }: { $title }
    Вид: { $kind }
    Срок: до { $due }
    { $state }
plan-item-state-open = Не выполнен.
plan-item-state-proposed = 🙋 Наставляемый отметил пункт выполненным — ждёт подтверждения наставника.
plan-item-state-done = ✅ Выполнен ({ $date }).
plan-mark-done = ✅ Выполнено
plan-confirm-done = ✅ Подтвердить выполнение
plan-propose-done = 🙋 Выполнено — сообщить наставнику
plan-edit-title = ✏️ Название
plan-edit-kind = 🏷 Вид
plan-edit-due = 📅 Срок
plan-remove = 🗑 Удалить пункт
plan-templates-title = Шаблоны индивидуального плана. ⭐ — для формы вашей пары ({ $form }). Пункты шаблона добавятся в план, сроки распределятся по периоду наставничества; потом их можно изменить.
plan-template-button = { $form } — { $count } пунктов
plan-versions-title = 🗂 Прежние версии плана (сейчас действует версия { $current })
plan-version-line = Версия { $version }: { $status }, пунктов: { $count }, заменена { $kept }
plan-ask-kind = Какой это пункт плана? Выберите вид мероприятия (/cancel — отмена).
plan-ask-due =
    Срок выполнения: выберите кнопку или напишите дату ДД.ММ.ГГГГ.
    Срок должен быть в пределах наставничества: { $start } — { $end }.
plan-due-week = Через неделю ({ $date })
plan-due-two-weeks = Через 2 недели ({ $date })
plan-due-month = Через месяц ({ $date })
plan-due-three-months = Через 3 месяца ({ $date })
plan-due-end = К концу наставничества ({ $date })
plan-due-not-a-date = Не похоже на дату. Напишите ДД.ММ.ГГГГ, например 15.03.2027.
plan-due-before-start = Срок не может быть раньше начала наставничества.
plan-due-after-end = Срок не может быть позже плановой даты окончания наставничества.
plan-ask-title = Напишите название пункта (до { $max } символов).
plan-title-empty = Название пункта не может быть пустым.
plan-title-too-long = Название пункта длиннее { $max } символов — сократите его.
plan-title-not-text = Название пункта нужно написать текстом.
plan-item-added = ➕ Пункт добавлен.
plan-item-saved = ✏️ Пункт изменён.
plan-item-removed = Пункт удалён.
plan-item-marked-done = ✅ Отмечено выполненным.
plan-item-proposed = Наставник получил вашу отметку и подтвердит её.
plan-template-applied = Пункты шаблона добавлены в план.
plan-sent = План отправлен наставляемому на ознакомление.
plan-acknowledged = Спасибо! Отметка «Ознакомлен(а)» сохранена.
plan-approved = План утверждён.
plan-ready-mentee = 📋 Наставник { $mentor } подготовил ваш индивидуальный план ({ $count } пунктов). Прочитайте его и нажмите «Ознакомлен(а)».
plan-changed-mentee = 📋 Наставник { $mentor } изменил ваш индивидуальный план (версия { $version }, пунктов: { $count }). Прочитайте изменения и нажмите «Ознакомлен(а)» ещё раз.
plan-acknowledged-staff = 📋 { $mentee } ознакомился(ась) с индивидуальным планом (наставник { $mentor }, версия { $version }). План ждёт утверждения.
plan-approved-mentor = ✍️ Индивидуальный план для { $mentee } утверждён ({ $role }).
plan-done-proposed-mentor = 🙋 { $mentee } отмечает пункт плана выполненным: «{ $title }». Подтвердите, если это так.
plan-done-confirmed-mentee = ✅ Наставник { $mentor } подтвердил выполнение пункта «{ $title }».
plan-mentor-only = Это может сделать только наставник пары.
plan-mentee-only = Это может сделать только наставляемый, чей это план.
plan-staff-only = Утверждает план руководитель или куратор программы.
plan-pair-not-active = Пара уже не работает: план больше не меняется.
plan-item-gone = Этого пункта в плане уже нет.
plan-too-many-items = В плане не может быть больше { $max } пунктов.
plan-already-sent = План уже отправлен на ознакомление.
plan-nothing-to-send = В плане нет пунктов — отправлять пока нечего.
plan-already-acknowledged = Отметка «Ознакомлен(а)» уже стоит.
plan-version-changed = План с тех пор изменился: откройте его и посмотрите новую версию.
plan-not-sent = План ещё не отправлен на ознакомление.
plan-already-approved = План уже утверждён.
plan-not-acknowledged = План можно утвердить после того, как наставляемый с ним ознакомится.
plan-item-already-done = Пункт уже отмечен выполненным.
plan-item-already-proposed = Вы уже отметили этот пункт — ждём подтверждения наставника.
# Шаблоны индивидуального плана: пункты по формам наставничества (слова положения)
plan-tpl-ss-1 = Знакомство: личная беседа, интересы и ожидания наставляемого
plan-tpl-ss-2 = Помощь в адаптации к новым условиям обучения и в коллективе класса
plan-tpl-ss-3 = Разбор учебных требований и трудностей с успеваемостью
plan-tpl-ss-4 = Консультации по трудным темам учебных предметов
plan-tpl-ss-5 = Совместный проект или подготовка к конкурсу, олимпиаде
plan-tpl-ss-6 = Совместное посещение кружка, секции, спортивного или культурного мероприятия
plan-tpl-ss-7 = Помощь в реализации лидерского потенциала: участие в жизни школы
plan-tpl-ss-8 = Подведение итогов: что получилось, что закрепить дальше
plan-tpl-tt-1 = Ознакомление с рабочим местом и коллективом, традициями и регламентом образовательной организации
plan-tpl-tt-2 = Ознакомление с должностными обязанностями и квалификационными требованиями
plan-tpl-tt-3 = Меры по профессиональной и должностной адаптации: организация учебного процесса, взаимодействие с обучающимися и родителями
plan-tpl-tt-4 = Изучение теоретических и практических вопросов: рабочая программа, тематическое планирование, нормативные документы
plan-tpl-tt-5 = Посещение уроков наставника и анализ урока
plan-tpl-tt-6 = Проведение открытого урока наставляемым с последующим разбором
plan-tpl-tt-7 = Закрепление профессиональных знаний и навыков: участие в семинаре, конкурсе или методическом объединении
plan-tpl-tt-8 = Содействие в выполнении должностных обязанностей: помощь в подготовке отчётной документации
plan-tpl-tt-9 = Итоговая встреча: анализ результатов своей профессиональной деятельности
plan-tpl-ts-1 = Знакомство: личная беседа, интересы, цели и трудности наставляемого
plan-tpl-ts-2 = Разбор учебных обязанностей и требований по предметам
plan-tpl-ts-3 = Меры по адаптации: организация учебного времени и режима дня
plan-tpl-ts-4 = Изучение трудных вопросов учебной программы на консультациях
plan-tpl-ts-5 = Выполнение практических заданий и проекта под руководством наставника
plan-tpl-ts-6 = Закрепление знаний и навыков: подготовка к контрольным, конкурсам, олимпиадам
plan-tpl-ts-7 = Итоговая встреча: подведение итогов и планы на будущее
plan-tpl-es-1 = Знакомство с предприятием (организацией), рабочим местом и коллективом
plan-tpl-es-2 = Знакомство с повседневными задачами внутри профессии и требованиями к специалисту
plan-tpl-es-3 = Помощь в раскрытии и оценке своего личного и профессионального потенциала
plan-tpl-es-4 = Практическое задание или проект по профилю профессии
plan-tpl-es-5 = Развитие лидерских, организационных, коммуникативных навыков
plan-tpl-es-6 = Вопросы выбора профессии и образовательной траектории, самоопределения
plan-tpl-es-7 = Итоговая встреча: представление результатов проекта
plan-tpl-us-1 = Знакомство: интересы, цели и ожидания наставляемого
plan-tpl-us-2 = Знакомство с требованиями к поступлению и обучению по выбранному направлению
plan-tpl-us-3 = Изучение теоретических вопросов по профилю направления
plan-tpl-us-4 = Выполнение практических заданий, учебного или исследовательского проекта
plan-tpl-us-5 = Закрепление знаний и навыков: участие в конкурсе, олимпиаде, конференции
plan-tpl-us-6 = Итоговая встреча: подведение итогов и планы на будущее
# Reports and the director (4.2, 2.13–2.14, 3.1)
link-welcome-director =
    Добро пожаловать! Вы — руководитель программы наставничества «{ $school }», { $year }.
    В меню руководителя — пары, встречи месяца, ежемесячные отчёты наставников и итоговые отчёты на утверждение.
report-month = { $m ->
    [1] январь
    [2] февраль
    [3] март
    [4] апрель
    [5] май
    [6] июнь
    [7] июль
    [8] август
    [9] сентябрь
    [10] октябрь
    [11] ноябрь
   *[12] декабрь
} { $y }
report-meeting-planned = запланирована
report-meeting-logged = ждёт подтверждения
report-meeting-confirmed = подтверждена
report-meeting-disputed = оспорена
report-meeting-cancelled = отменена
curator-monthly = 📝 Ежемесячные отчёты
curator-finals = 🏁 Итоговые отчёты
monthly-report-button = 📝 Отчёт за { $month }
monthly-report-button-sent = ✅ Отчёт за { $month } отправлен
monthly-report-bad-month = За этот месяц отчёт сейчас не принимается: откройте отчёт из меню пары.
monthly-report-no-mentees = В этом месяце у вас не было пар: отчитываться не о ком.
monthly-report-already = Отчёт за этот месяц уже отправлен.
monthly-report-read = 📄 Открыть отчёт
monthly-report-submitted = 📝 { $mentor } прислал(а) ежемесячный отчёт за { $month }.
monthly-remind = 📝 Пора отправить ежемесячный отчёт за { $month }: он уже заполнен по встречам месяца — проверьте и отправьте в два нажатия.
monthly-remind-again = ⏰ Отчёт за { $month } ещё не отправлен. Он уже заполнен — осталось проверить и отправить.
monthly-late =
    ⏳ Не прислали ежемесячный отчёт за { $month } ({ $count }):
    { $mentors }
monthly-status-open = 📋 Кто отчитался
monthly-draft-title = 📝 Отчёт за { $month }. Проверьте и отправьте куратору и руководителю:
monthly-sent-title = ✅ Отчёт за { $month } отправлен:
monthly-entry =
    👤 { $mentee }
    Встречи ({ $count }): { $meetings }
    Выполнено по плану: { $items }
    Прогресс: { $progress }
    Трудности: { $difficulties }
    Планы: { $plans }
monthly-progress-default = проведено встреч: { $count }, выполнено пунктов плана: { $items }
monthly-difficulties-default = нет
monthly-plans-default = продолжаем по индивидуальному плану
monthly-send = ✅ Отправить как есть
monthly-edit = ✏️ Изменить
monthly-keep = Оставить как есть
monthly-ask-progress =
    { $mentee } — прогресс за месяц.
    Сейчас: { $current }
    Напишите свой текст (до { $max } символов) или нажмите «Оставить как есть».
monthly-ask-difficulties =
    { $mentee } — трудности.
    Сейчас: { $current }
    Напишите свой текст (до { $max } символов) или нажмите «Оставить как есть».
monthly-ask-plans =
    { $mentee } — планы на следующий месяц.
    Сейчас: { $current }
    Напишите свой текст (до { $max } символов) или нажмите «Оставить как есть».
monthly-sent = ✅ Отчёт за { $month } отправлен куратору и руководителю.
monthly-reading-title = 📝 Отчёт за { $month } · { $mentor } · отправлен { $date }
monthly-status-title = 📋 Ежемесячные отчёты за { $month }: отчитались { $reported } из { $expected }
monthly-day-rule = Наставникам напоминаем об отчёте { $day }-го числа, затем 1-го; с 3-го числа куратор и руководитель получают список опоздавших.
monthly-day-choice = { $mark }{ $day }-е
monthly-day-saved = Напоминание об отчёте: { $day }-го числа.
monthly-status-empty = В этом месяце не было работающих пар.
director-panel =
    Руководитель · { $school }, { $year }
    Работающих пар: { $pairs }
    Встречи за { $month }: подтверждено { $confirmed } из { $meetings }
    Отчёты наставников за { $reportMonth }: { $reported } из { $expected }
    Итоговых отчётов ждут утверждения: { $toApprove }
    Планов ждут утверждения: { $plans }
    Открытых сигналов «Нужна помощь»: { $flags }
director-pairs = 🤝 Пары
director-plans = 📋 Планы на утверждение ({ $count })
director-flags = 🆘 Сигналы ({ $count })
director-plans-title = 📋 Индивидуальные планы, ждущие утверждения
director-plan-row = { $n }. { $mentee } (наставник { $mentor }), версия { $version }
director-plan-open = 📋 № { $n }
director-meetings = 📅 Встречи месяца
director-monthly = 📝 Кто отчитался
director-finals = 🏁 Итоговые отчёты ({ $count })
director-pairs-title = 🤝 Пары и группы
director-pair-row = { $n }. { $mentor } → { $mentees } · { $status } · встреч: { $meetings }
director-pair-active = работает
director-pair-ended = завершена
director-none = Пока пусто.
director-meetings-title = 📅 Встречи за { $month }
final-list-title = 🏁 Итоговые отчёты
final-list-row = { $n }. { $role ->
    [mentor] отчёт наставника
   *[mentee] отчёт наставляемого
} · { $author } о { $mentee }{ $approved ->
    [yes] {" "}· ✅ утверждён
   *[no] {""}
}
final-list-open = 🏁 Все итоговые отчёты
final-q-progress = Прогресс наставляемого: что получилось по индивидуальному плану, что нет?
final-q-qualities = Качества наставляемого: мотивация, самостоятельность, дисциплина.
final-q-difficulties = Какие были трудности?
final-q-recommendations = Ваши рекомендации.
final-q-readiness = Готовность наставляемого:
final-q-how-it-went = Как прошло наставничество?
final-q-helped = Что помогло?
final-q-hard = Что было трудно?
final-q-mentor-score = Оцените работу наставника от 1 до 10.
final-q-mentor-words = Оцените работу наставника словами.
final-q-recommend = Порекомендовали бы вы этого наставника другим?
final-opt-ready = готов(а)
final-opt-ready-with-support = готов(а) при дальнейшей поддержке
final-opt-not-ready = не готов(а)
final-opt-yes = да
final-opt-no = нет
final-question = Вопрос { $n } из { $total }. { $question }
final-intro-mentor = 🏁 Итоговый отчёт о выполнении индивидуального плана: { $mentee }. Срок — { $due }. Выйти без сохранения — /cancel.
final-intro-mentee = 🏁 Итоговый отчёт о наставничестве и работе наставника. Срок — { $due }. Выйти без сохранения — /cancel.
final-report-sent-mentor = ✅ Отчёт отправлен куратору и руководителю на утверждение.
final-report-sent-mentee = ✅ Спасибо! Отчёт отправлен куратору.
final-report-start = 🏁 Заполнить итоговый отчёт
final-report-not-ended = Пара ещё работает: итоговый отчёт пишется после её завершения.
final-report-incomplete = В отчёте не хватает ответов: заполните его заново.
final-report-already = Итоговый отчёт уже отправлен.
final-report-not-approvable = Руководитель утверждает только отчёт наставника.
final-report-already-approved = Этот отчёт уже утверждён.
final-report-read = 📄 Открыть отчёт
final-report-submitted-mentor = 🏁 { $author } прислал(а) итоговый отчёт о выполнении плана: { $mentee }.
final-report-submitted-mentee = 🏁 { $author } прислал(а) итоговый отчёт о наставничестве.
final-report-to-approve = 🏁 { $author } прислал(а) итоговый отчёт о выполнении плана ({ $mentee }): он ждёт вашего утверждения.
final-report-approved = ✅ Руководитель утвердил ваш итоговый отчёт: { $mentee }.
final-report-approved-staff = ✅ Руководитель утвердил итоговый отчёт: { $author } о { $mentee }.
final-approve = ✅ Утверждаю
final-approved-done = ✅ Отчёт утверждён.
final-approved-on = ✅ Утверждён { $date }
final-not-approved = ⏳ Ждёт утверждения руководителем
final-reading-mentor = 🏁 Итоговый отчёт наставника · { $author } о { $mentee } · { $date }
final-reading-mentee = 🏁 Итоговый отчёт наставляемого · { $author } · { $date }
final-request-mentor = 🏁 Наставничество завершено. В течение 10 дней, до { $due }, заполните итоговый отчёт о выполнении индивидуального плана: { $mentees }.
final-request-mentee = 🏁 Наставничество завершено. В течение 10 дней, до { $due }, заполните итоговый отчёт: как прошло наставничество, и оцените работу наставника.
final-remind-mentor = ⏰ Итоговый отчёт о выполнении плана ({ $mentees }) ждут до { $due }.
final-remind-mentee = ⏰ Ваш итоговый отчёт о наставничестве ждут до { $due }.
final-overdue =
    ⏳ Итоговые отчёты не сданы в срок (до { $due }):
    { $people }
# Встречи пары
pair-menu-meetings = 🗓 Встречи
pair-menu-log-meeting = ➕ Записать встречу
pair-menu-plan-meeting = 📅 Запланировать встречу
meeting-back-to-pair = ↩️ К паре
meeting-type-introduction = Знакомство
meeting-type-trial = Пробная рабочая встреча
meeting-type-planning = Встреча-планирование
meeting-type-working = Рабочая встреча
meeting-type-final = Итоговая встреча
meeting-format-in-person = очно
meeting-format-online = онлайн
meeting-status-planned = 📅 запланирована
meeting-status-logged = ⏳ ждёт подтверждения
meeting-status-confirmed = ✅ подтверждена
meeting-status-disputed = ⚠️ оспорена
meeting-status-cancelled = ✖️ не состоялась
meeting-summary = { $type }, { $date }, { $format }, { $duration } мин: «{ $topic }»
meeting-when = { $date } в { $time }
meeting-confirm-ask =
    🗓 { $who } записал(а) встречу:
    { $meeting }
    Она состоялась?
meeting-confirm-yes = ✅ Подтверждаю
meeting-confirm-no = ❌ Не было
meeting-answered-confirmed =
    ✅ { $who } подтвердил(а) встречу:
    { $meeting }
meeting-answered-disputed =
    ⚠️ { $who } говорит, что встречи не было:
    { $meeting }
    Куратор увидит это в списке встреч на проверке.
meeting-answer-thanks-confirmed = Спасибо, встреча подтверждена.
meeting-answer-thanks-disputed = Записали: встречи не было. Куратор увидит это.
meeting-planned =
    📅 Запланирована встреча: { $type }
    Когда: { $when }, { $duration } мин
    Где: { $place } ({ $format })
    Тема: { $topic }
    Запланировал(а): { $who }
    Откройте файл, чтобы добавить встречу в календарь телефона.
meeting-reminder =
    ⏰ Напоминание: завтра встреча — { $type }
    Когда: { $when }
    Где: { $place } ({ $format })
    Тема: { $topic }
meeting-followup =
    🗓 Как прошла встреча?
    { $type }, { $when }
    Тема: { $topic }
meeting-held-yes = ✅ Прошла, как запланировано
meeting-held-no = ❌ Не состоялась
meeting-held-logged = Встреча записана. Другая сторона подтвердит её.
meeting-held-cancelled = Записали: встреча не состоялась.
meeting-held-confirmed = Спасибо, встреча подтверждена.
meeting-cancelled-notice =
    ✖️ { $who } отметил(а), что встреча не состоялась:
    { $meeting }
meeting-ask-type = Какая это встреча? Ожидается: { $suggested }.
meeting-suggested = 👉 { $label }
meeting-ask-day = Когда была встреча?
meeting-ask-plan-day = На какой день назначить встречу?
meeting-day-today = Сегодня
meeting-day-yesterday = Вчера
meeting-day-tomorrow = Завтра
meeting-day-other = 📆 Другая дата
meeting-ask-day-typed = Напишите дату в виде дд.мм.гггг, например 05.11.2026.
meeting-ask-time = Во сколько? Напишите время в виде чч:мм, например 15:30.
meeting-ask-format = Как проходит встреча?
meeting-ask-duration = Сколько длилась встреча?
meeting-ask-plan-duration = Сколько продлится встреча?
meeting-duration-choice = { $minutes ->
    [60] 1 ч
    [90] 1,5 ч
   *[other] { $minutes } мин
}
meeting-duration-other = Другое
meeting-ask-duration-typed = Напишите длительность в минутах (от 5 до 480), например 50.
meeting-ask-topic = Тема встречи: выберите пункт плана или напишите тему.
meeting-ask-topic-no-plan = Напишите тему встречи (в плане пока нет открытых пунктов).
meeting-ask-result = Итог встречи: напишите коротко или нажмите «Пропустить».
meeting-ask-next-steps = Следующие шаги: напишите или нажмите «Пропустить».
meeting-ask-place = Где встречаетесь? Напишите место (кабинет, адрес).
meeting-ask-link = Напишите ссылку на онлайн-встречу или где её найти.
meeting-skip = Пропустить
meeting-logged-ok = ✅ Встреча записана. Другой стороне отправлена просьба подтвердить её.
meeting-planned-ok = ✅ Встреча запланирована. Всем участникам пары отправлен файл для календаря.
meeting-day-not-a-date = Не похоже на дату. Напишите в виде дд.мм.гггг, например 05.11.2026.
meeting-day-in-the-future = Дата встречи не может быть в будущем: записывают встречи, которые уже прошли.
meeting-day-before-start = Дата встречи не может быть раньше начала работы пары.
meeting-duration-not-a-number = Напишите длительность числом минут, например 50.
meeting-duration-too-short = Встреча длится не меньше 5 минут.
meeting-duration-too-long = Встреча длится не больше 8 часов (480 минут).
meeting-planned-in-the-past = Это время уже прошло: выберите время позже.
meeting-planned-before-start = Встречу нельзя назначить раньше начала работы пары.
meeting-planned-after-end = Встречу нельзя назначить позже окончания работы пары.
meeting-time-bad = Не похоже на время. Напишите в виде чч:мм, например 15:30.
meeting-topic-empty = Тема встречи не может быть пустой.
meeting-place-empty = Напишите место или ссылку на встречу.
meeting-text-too-long = Слишком длинно: не больше { $max } символов.
meeting-plan-item-gone = Этого пункта плана уже нет среди открытых.
meeting-already-saved = Эта встреча уже записана.
meeting-answer-own = Эту встречу записали вы: подтверждает другая сторона.
meeting-not-held-yet = Встреча ещё не прошла.
meeting-cancelled = Эта встреча не состоялась.
meeting-already-answered = Вы уже ответили об этой встрече.
meetings-title = 🗓 Встречи пары: ✅ { $confirmed } · ⏳ { $logged } · 📅 { $planned } · ⚠️ { $disputed }
meetings-empty = Встреч пока нет. Запишите первую — знакомство.
meetings-line =
    { $n }. { $when } · { $type } · { $format } · { $duration } мин — { $status }
       { $topic }
meetings-confirm-n = ✅ №{ $n } была
meetings-dispute-n = ❌ №{ $n } не было
meetings-held-n = ✅ №{ $n } прошла
meetings-not-held-n = ❌ №{ $n } не состоялась
meetings-check-button = 🗓 Встречи на проверке
meetings-check-title = 🗓 Спорные и неподтверждённые встречи
meetings-check-empty = Нет спорных и неподтверждённых встреч.
meetings-check-pair =    Пара: { $mentor } — { $mentees }
meetings-check-waiting =    Ждём ответа: { $who }
# feedback and the safety flag, pair cards
feedback-ask =
    📝 Как прошла встреча { $date } («{ $topic }»)? Оцените её от 1 до 5.
    Оценку и комментарий видит только куратор программы.
feedback-rate-1 = 😞
feedback-rate-2 = 😕
feedback-rate-3 = 😐
feedback-rate-4 = 🙂
feedback-rate-5 = 😀
feedback-bad-rating = Оценка — от 1 до 5.
feedback-not-confirmed = Эту встречу ещё не подтвердили обе стороны: оценить её пока нельзя.
feedback-already-rated = Вы уже оценили эту встречу.
feedback-rate-first = Сначала оцените встречу, потом добавьте комментарий.
feedback-thanks = Спасибо! Ваша оценка: { $emoji }
feedback-flagged = Куратор программы получил сигнал и свяжется с вами.
feedback-comment = 💬 Комментарий
feedback-comment-ask = Напишите комментарий к встрече (до { $max } символов). Его прочитает только куратор. Отменить: /cancel
feedback-comment-saved = Комментарий сохранён. Его видит только куратор.
feedback-comment-saved-flag = Комментарий сохранён и передан куратору.
help-button = 🆘 Нужна помощь
help-sent-short = Сигнал отправлен куратору.
help-already-short = Сигнал уже у куратора.
help-sent =
    🆘 Куратор программы получил ваш сигнал и свяжется с вами.
    Если хотите, напишите, что случилось: это прочитает только куратор.
help-already =
    🆘 Ваш сигнал уже у куратора, он свяжется с вами.
    Можно дописать, что случилось: это прочитает только куратор.
flag-write = 💬 Написать куратору
flag-comment-ask = Напишите, что случилось (до { $max } символов). Это прочитает только куратор. Отменить: /cancel
flag-comment-saved = Спасибо, куратор получил ваше сообщение.
flag-pair = наставник { $mentor }, наставляемые: { $mentees }
flag-alert-rating =
    🆘 Сигнал: низкая оценка встречи ({ $rating } из 5)
    Кто: { $who }
    Пара: { $pair }
flag-alert-button =
    🆘 Сигнал: «Нужна помощь»
    Кто: { $who }
    Пара: { $pair }
flag-words =
    🆘 К сигналу добавлено сообщение
    Кто: { $who }
    «{ $text }»
flag-reraised =
    🆘 Сигнал не обработан больше суток (с { $since })
    Кто: { $who }
    Пара: { $pair }
flag-seen = ✅ Куратор увидел ваш сигнал от { $date } и занимается им. Спасибо, что написали.
flag-open-pair = 🤝 Открыть пару
flag-open-flag = 🆘 Открыть сигнал
flags-list = 🆘 Сигналы
flags-title = 🆘 Сигналы программы: открытых { $open }, всего { $total }
flags-none = Сигналов нет.
flag-state-open = открыт
flag-state-handled = обработан { $date }
flag-source-rating = оценка встречи { $emoji }
flag-source-button = кнопка «Нужна помощь»
flag-line = { $date } — { $who } — { $source }
flag-card =
    🆘 Сигнал
    Кто: { $who }
    Пара: { $pair }
flag-card-words = Сообщение:
flag-card-handled = Обработан { $date }, куратор: { $by }. Заметка:
flag-card-reraised = Не обработан больше суток: поднят повторно { $date }.
flag-handle = ✅ Отметить обработанным
flag-note-ask = Напишите заметку: что сделано по сигналу (до { $max } символов). Её видят только кураторы; тот, кто поднял сигнал, узнает, что его увидели. Отменить: /cancel
flag-handled-done = ✅ Сигнал отмечен обработанным. Тот, кто его поднял, получил сообщение, что сигнал увиден.
flag-already-handled = Этот сигнал уже обработан.
card-meetings = Встречи: подтверждено { $confirmed }, запланировано { $planned }, оспорено { $disputed }, ждут подтверждения { $waiting }
card-plan = План: { $progress }
card-plan-progress = выполнено { $done } из { $total }
card-last-activity = Последняя активность: { $date }
card-average = Средняя оценка встреч: { $average }
card-average-value = { $average } (оценок: { $count })
card-open-flags = 🆘 Открытые сигналы: { $count }
card-flag-button = 🆘 Сигнал { $n }: открыть
card-comments = Последние комментарии к встречам:
side-card-button = 📇 Карточка пары
side-card =
    📇 Карточка пары
    С кем: { $others }
    Форма: { $form }
    Сроки: { $start } — { $end }
side-card-own-flag = 🆘 Ваш сигнал куратору открыт: куратор свяжется с вами.
parent-card-button = 👪 Пара: { $child }
parent-card =
    👪 Наставничество: { $child }
    Школа: { $school }
    Наставник: { $mentor }
    Сроки: { $start } — { $end }
    Встреч проведено: { $meetings }
    План: { $plan }
parent-card-refresh = 🔄 Обновить
parent-card-no-pair = У ребёнка сейчас нет действующей наставнической пары.
# Gaps of the pairs issue: a new mentor agreed by everyone, reasons of a decline, pages of the choice
reason-decline-no-time = нет времени
reason-decline-person = не подходит предложенный человек
reason-decline-schedule = неудобны формат или график
reason-decline-other = другое
decline-ask-reason = Почему вы не согласны? Выберите причину — куратор учтёт её. Передумали — нажмите «Согласен» в предложении выше.
decline-ask-text = Коротко напишите причину (до { $max } знаков). Её прочитает только куратор. /cancel — отменить.
decline-text-line = {" "}Пояснение: «{ $text }».
pair-event-replacement-proposed = предложен новый наставник
pair-event-replacement-agreed = участник согласился на нового наставника
pair-event-replacement-declined = участник отказался от нового наставника
pair-event-replacement-withdrawn = предложение нового наставника отозвано
replace-ask-mentor =
    Куратор программы «{ $school }» предлагает вам стать наставником в действующей паре.
    Наставляемые: { $mentees }
    Срок: до { $end }
    Наставничество добровольное: согласны?
replace-ask-mentee =
    Куратор программы «{ $school }» предлагает вам нового наставника: { $mentor }.
    Срок: до { $end }
    Пока все не согласятся, пара работает как прежде. Согласны?
replace-ask-parent =
    Куратор программы «{ $school }» предлагает вашему ребёнку нового наставника: { $mentor }.
    Наставляемые: { $mentees }
    Срок: до { $end }
    Пока все не согласятся, пара работает как прежде. Вы согласны?
replace-result-waiting = Спасибо! Ждём ответа остальных.
replace-result-replaced = Все согласны — наставник сменился.
replace-result-declined = Понятно. Пара остаётся как была; куратор узнает причину.
replace-result-closed = Это предложение уже закрыто.
replace-done-curator = Наставник сменился: все согласились. Новый наставник { $mentor }, наставляемые { $mentees }.
replace-declined-curator = Замена наставника не состоялась ({ $who } не согласен): новый наставник { $mentor }, наставляемые { $mentees }. Причина: { $reason }.{ $text } Пара работает как прежде.
replace-declined = Замена наставника не состоялась: одна из сторон не согласна. Пара работает как прежде.
replace-withdrawn = Куратор отозвал предложение о новом наставнике. Пара работает как прежде.
change-replace-proposed = Новому наставнику, наставляемым и родителям несовершеннолетних отправлен вопрос о согласии. Наставник сменится, когда согласятся все; до тех пор пара работает как прежде.
change-replace-pending = В этой паре уже ждут согласия на нового наставника. Дождитесь ответов или отзовите предложение в карточке пары.
pair-replacement-pending = 🔁 Предложен новый наставник: { $mentor }. Ещё не ответили: { $parties }
pair-replacement-withdraw = ↩️ Отозвать замену наставника
replacement-withdrawn-note = Предложение отозвано, участникам сообщили.
replacement-none-pending = Предложения о новом наставнике уже нет.
# outbox and scheduled jobs
menu-nudges-on = 🔔 Напоминания: включены
menu-nudges-muted = 🔕 Напоминания: выключены
# holidays (каникулы)
holidays-open = 🏖 Каникулы
holidays-title = 🏖 Каникулы — { $school }, { $year }
holidays-line = { $mark } { $from } – { $to }
holidays-empty = Каникулы ещё не указаны.
holidays-hint = В каникулы и с 21:00 до 08:00 ученики не получают сообщений бота: они придут утром после каникул.
holidays-remove = ✖️ { $from } – { $to }
holidays-add = ➕ Добавить каникулы
holidays-typical = 📅 Добавить типичные каникулы
holidays-ask =
    Напишите период каникул одним сообщением: дд.мм.гггг – дд.мм.гггг
    Например: 28.12.2026 – 08.01.2027. Один день — одной датой. Учебный год { $year }.
    /cancel — отмена.
holidays-saved = Каникулы сохранены.
holidays-removed = Каникулы удалены.
holidays-gone = Этих каникул уже нет в списке.
holidays-problem-not-a-period = Не похоже на период. Напишите так: 28.12.2026 – 08.01.2027
holidays-problem-ends-before-start = Конец каникул раньше начала. Напишите период ещё раз.
holidays-problem-too-long = Слишком длинный период (больше 100 дней). Напишите период ещё раз.
holidays-problem-outside-year = Период должен быть в пределах учебного года (с 1 августа по 31 августа следующего года). Напишите период ещё раз.
holidays-problem-too-many = Слишком много периодов каникул (не больше { $max }). Удалите лишние.
