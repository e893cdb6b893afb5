<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About {product}</source>
        <translation>О программе {product}</translation>
    </message>
    <message>
        <source>Fetches a Yandex Cloud Desktop image (DesktopImage.Get) and explains it: what it is, what state it is in and, when a request fails, why.</source>
        <translation>Получает образ Yandex Cloud Desktop (DesktopImage.Get) и объясняет его: что это за образ, в каком он состоянии и, если запрос не удался, почему.</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Версии</translation>
    </message>
    <message>
        <source>What ships with it, and under which licence:</source>
        <translation>Что входит в поставку и под какой лицензией:</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>Лицензии</translation>
    </message>
    <message>
        <source>Each component&apos;s name, version and SPDX licence identifier</source>
        <translation>Название, версия и идентификатор лицензии SPDX каждого компонента</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Компонент</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Версия</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Лицензия</translation>
    </message>
    <message>
        <source>Qt and PySide6 are used under the GNU LGPL version 3: you may replace the Qt libraries in the application&apos;s folder with your own build of the same version.</source>
        <translation>Qt и PySide6 используются на условиях GNU LGPL версии 3: вы можете заменить библиотеки Qt в папке приложения собственной сборкой той же версии.</translation>
    </message>
    <message>
        <source>&amp;Copy Versions</source>
        <translation>&amp;Копировать версии</translation>
    </message>
    <message>
        <source>Copy the versions for a bug report</source>
        <translation>Скопировать версии для сообщения об ошибке</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare Two Images</source>
        <translation>Сравнение двух образов</translation>
    </message>
    <message>
        <source>First image</source>
        <translation>Первый образ</translation>
    </message>
    <message>
        <source>Second image</source>
        <translation>Второй образ</translation>
    </message>
    <message>
        <source>&amp;First (A):</source>
        <translation>&amp;Первый (A):</translation>
    </message>
    <message>
        <source>S&amp;econd (B):</source>
        <translation>&amp;Второй (B):</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>Файл…</translation>
    </message>
    <message>
        <source>Choose a support bundle or a saved JSON body</source>
        <translation>Выбрать пакет для поддержки или сохранённое тело JSON</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Сравнить</translation>
    </message>
    <message>
        <source>&amp;Hide equal rows</source>
        <translation>С&amp;крыть совпадающие строки</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>Различия</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>an image ID, or a bundle or JSON file</source>
        <translation>ID образа или файл пакета либо JSON</translation>
    </message>
    <message>
        <source>Choose a Bundle or JSON File</source>
        <translation>Выбор пакета или файла JSON</translation>
    </message>
    <message>
        <source>Bundles and JSON (*.json)</source>
        <translation>Пакеты и JSON (*.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Все файлы (*)</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>Сравнение…</translation>
    </message>
    <message>
        <source>Label policy: A {left}, B {right}</source>
        <translation>Политика меток: A — {left}, B — {right}</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>From the environment (YC_IAM_TOKEN, then YC_OAUTH_TOKEN)</source>
        <translation>Из окружения (YC_IAM_TOKEN, затем YC_OAUTH_TOKEN)</translation>
    </message>
    <message>
        <source>IAM token</source>
        <translation>IAM-токен</translation>
    </message>
    <message>
        <source>OAuth token (exchanged for IAM tokens)</source>
        <translation>OAuth-токен (обменивается на IAM-токены)</translation>
    </message>
    <message>
        <source>Service account key file</source>
        <translation>Файл ключа сервисного аккаунта</translation>
    </message>
    <message>
        <source>yc CLI (yc iam create-token)</source>
        <translation>yc CLI (yc iam create-token)</translation>
    </message>
    <message>
        <source>Metadata service of this Yandex Cloud VM</source>
        <translation>Сервис метаданных этой ВМ Yandex Cloud</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <source>Browse for {what}</source>
        <translation>Выбрать: {what}</translation>
    </message>
    <message>
        <source>paste it here; it is never shown or saved in a file</source>
        <translation>вставьте его сюда; он никогда не показывается и не сохраняется в файл</translation>
    </message>
    <message>
        <source>{what}:</source>
        <translation>{what}:</translation>
    </message>
    <message>
        <source>Token file</source>
        <translation>Файл токена</translation>
    </message>
    <message>
        <source>or a file that holds it</source>
        <translation>или файл, в котором он лежит</translation>
    </message>
    <message>
        <source>Token file:</source>
        <translation>Файл токена:</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Все файлы (*)</translation>
    </message>
    <message>
        <source>Remember in the system keyring</source>
        <translation>Запомнить в системном хранилище паролей</translation>
    </message>
    <message>
        <source>No system keyring is available on this computer</source>
        <translation>На этом компьютере нет системного хранилища паролей</translation>
    </message>
    <message>
        <source>remembered in the keyring; type to replace it</source>
        <translation>сохранён в хранилище паролей; введите новый, чтобы заменить</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Подключение</translation>
    </message>
    <message>
        <source>Pick a saved profile, or type a new name to add one</source>
        <translation>Выберите сохранённый профиль или введите новое имя, чтобы добавить профиль</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Профиль</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Delete this profile</source>
        <translation>Удалить этот профиль</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Профиль:</translation>
    </message>
    <message>
        <source>API endpoint:</source>
        <translation>Эндпоинт API:</translation>
    </message>
    <message>
        <source>IAM endpoint:</source>
        <translation>Эндпоинт IAM:</translation>
    </message>
    <message>
        <source>Credentials:</source>
        <translation>Учётные данные:</translation>
    </message>
    <message>
        <source>Uses YC_IAM_TOKEN or, if that is not set, YC_OAUTH_TOKEN. Options on the command line (--sa-key, --use-yc, ...) choose a source for that run only.</source>
        <translation>Использует YC_IAM_TOKEN, а если он не задан — YC_OAUTH_TOKEN. Параметры командной строки (--sa-key, --use-yc, ...) выбирают источник только на этот запуск.</translation>
    </message>
    <message>
        <source>OAuth token</source>
        <translation>OAuth-токен</translation>
    </message>
    <message>
        <source>Yandex has announced the end of OAuth token exchange; a service account key or the yc CLI will keep working.</source>
        <translation>Яндекс объявил о прекращении обмена OAuth-токенов; ключ сервисного аккаунта или yc CLI продолжат работать.</translation>
    </message>
    <message>
        <source>the JSON file `yc iam key create` wrote</source>
        <translation>JSON-файл, записанный `yc iam key create`</translation>
    </message>
    <message>
        <source>Key file:</source>
        <translation>Файл ключа:</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>Файл ключа</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>yc&apos;s current profile</source>
        <translation>текущий профиль yc</translation>
    </message>
    <message>
        <source>yc profile:</source>
        <translation>Профиль yc:</translation>
    </message>
    <message>
        <source>yc on PATH</source>
        <translation>yc из PATH</translation>
    </message>
    <message>
        <source>yc program:</source>
        <translation>Программа yc:</translation>
    </message>
    <message>
        <source>yc program</source>
        <translation>Программа yc</translation>
    </message>
    <message>
        <source>yc (yc*)</source>
        <translation>yc (yc*)</translation>
    </message>
    <message>
        <source>Token URL:</source>
        <translation>URL токена:</translation>
    </message>
    <message>
        <source>only the operating system&apos;s certificates</source>
        <translation>только сертификаты операционной системы</translation>
    </message>
    <message>
        <source>CA file:</source>
        <translation>Файл УЦ:</translation>
    </message>
    <message>
        <source>CA certificates</source>
        <translation>Сертификаты УЦ</translation>
    </message>
    <message>
        <source>PEM (*.pem *.crt)</source>
        <translation>PEM (*.pem *.crt)</translation>
    </message>
    <message>
        <source>from HTTPS_PROXY; loopback never uses one</source>
        <translation>из HTTPS_PROXY; для loopback прокси не используется</translation>
    </message>
    <message>
        <source>Proxy:</source>
        <translation>Прокси:</translation>
    </message>
    <message>
        <source>Now: {connection}</source>
        <translation>Сейчас: {connection}</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Проблема</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Подключиться</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Copy the request IDs support asks for</source>
        <translation>Скопировать идентификаторы запроса, которые просит поддержка</translation>
    </message>
    <message>
        <source>Copy request I&amp;Ds</source>
        <translation>Копировать &amp;идентификаторы запроса</translation>
    </message>
    <message>
        <source>Copy err&amp;or</source>
        <translation>Копировать о&amp;шибку</translation>
    </message>
    <message>
        <source>Copy the whole error as text</source>
        <translation>Скопировать всю ошибку текстом</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Dismiss error</source>
        <translation>Закрыть сообщение об ошибке</translation>
    </message>
    <message>
        <source>HTTP status</source>
        <translation>HTTP-статус</translation>
    </message>
    <message>
        <source>gRPC code</source>
        <translation>Код gRPC</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>{label}:</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <source>What to do: {hint}</source>
        <translation>Что делать: {hint}</translation>
    </message>
</context>
<context>
    <name>FolderBrowser</name>
    <message>
        <source>Server default</source>
        <translation>Порядок сервера</translation>
    </message>
    <message>
        <source>Name, A–Z</source>
        <translation>Имя, А–Я</translation>
    </message>
    <message>
        <source>Name, Z–A</source>
        <translation>Имя, Я–А</translation>
    </message>
    <message>
        <source>Created, oldest first</source>
        <translation>Создан, сначала старые</translation>
    </message>
    <message>
        <source>Created, newest first</source>
        <translation>Создан, сначала новые</translation>
    </message>
    <message>
        <source>Status, A–Z</source>
        <translation>Статус, А–Я</translation>
    </message>
    <message>
        <source>Status, Z–A</source>
        <translation>Статус, Я–А</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>загрузка…</translation>
    </message>
    <message>
        <source>more on the server</source>
        <translation>на сервере есть ещё</translation>
    </message>
    <message>
        <source>all loaded</source>
        <translation>загружены все</translation>
    </message>
    <message>
        <source>Folder ID</source>
        <translation>ID каталога</translation>
    </message>
    <message>
        <source>The folder whose images to list; Enter lists them</source>
        <translation>Каталог, образы которого показать; Enter показывает их</translation>
    </message>
    <message>
        <source>e.g. b1g0123456789abcdefg</source>
        <translation>например b1g0123456789abcdefg</translation>
    </message>
    <message>
        <source>Clear the folder ID</source>
        <translation>Очистить ID каталога</translation>
    </message>
    <message>
        <source>Exact image name (asked of the server)</source>
        <translation>Точное имя образа (фильтр на сервере)</translation>
    </message>
    <message>
        <source>exact name, asked of the server (optional)</source>
        <translation>точное имя, фильтр на сервере (необязательно)</translation>
    </message>
    <message>
        <source>Clear the image name</source>
        <translation>Очистить имя образа</translation>
    </message>
    <message>
        <source>Order (asked of the server)</source>
        <translation>Порядок (сортировка на сервере)</translation>
    </message>
    <message>
        <source>&amp;List</source>
        <translation>Пок&amp;азать</translation>
    </message>
    <message>
        <source>List the folder&apos;s images (Enter)</source>
        <translation>Показать образы каталога (Enter)</translation>
    </message>
    <message>
        <source>Filter the loaded rows</source>
        <translation>Фильтр загруженных строк</translation>
    </message>
    <message>
        <source>Filter loaded rows (any part of any column)</source>
        <translation>Фильтр загруженных строк (любая часть любого столбца)</translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation>Очистить фильтр</translation>
    </message>
    <message>
        <source>Images in the folder</source>
        <translation>Образы в каталоге</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open the image</source>
        <translation>Дважды щёлкните или нажмите Enter, чтобы открыть образ</translation>
    </message>
    <message>
        <source>Images loaded</source>
        <translation>Загружено образов</translation>
    </message>
    <message>
        <source>Load mo&amp;re</source>
        <translation>Загрузить &amp;ещё</translation>
    </message>
    <message>
        <source>Folder &amp;ID:</source>
        <translation>&amp;ID каталога:</translation>
    </message>
    <message>
        <source>Fetch the next page (scrolling to the end does too)</source>
        <translation>Загрузить следующую страницу (прокрутка до конца делает то же)</translation>
    </message>
    <message>
        <source>Load &amp;all</source>
        <translation>&amp;Загрузить всё</translation>
    </message>
    <message>
        <source>Fetch every remaining page</source>
        <translation>Загрузить все оставшиеся страницы</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>Ос&amp;тановить</translation>
    </message>
    <message>
        <source>Stop fetching pages; the rows loaded stay</source>
        <translation>Перестать загружать страницы; загруженные строки останутся</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>Экспорт в &amp;CSV…</translation>
    </message>
    <message>
        <source>Save the loaded rows as CSV: a header row, sizes in bytes, labels as one JSON column</source>
        <translation>Сохранить загруженные строки в CSV: строка заголовков, размеры в байтах, метки одним столбцом JSON</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Имя:</translation>
    </message>
    <message>
        <source>&amp;Order:</source>
        <translation>Поря&amp;док:</translation>
    </message>
    <message>
        <source>Fil&amp;ter:</source>
        <translation>Фильт&amp;р:</translation>
    </message>
    <message>
        <source>Nothing to export: list a folder first</source>
        <translation>Экспортировать нечего: сначала покажите каталог</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Экспорт в CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Все файлы (*)</translation>
    </message>
    <message>
        <source>Cannot save {file}: {reason}</source>
        <translation>Не удалось сохранить {file}: {reason}</translation>
    </message>
    <message>
        <source>Enter a folder ID and press Enter</source>
        <translation>Введите ID каталога и нажмите Enter</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Last fetch</source>
        <translation>Последнее получение</translation>
    </message>
    <message>
        <source>Search history</source>
        <translation>Поиск по истории</translation>
    </message>
    <message>
        <source>Search ID, name, status</source>
        <translation>Поиск по ID, имени, статусу</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Очистить поиск</translation>
    </message>
    <message>
        <source>Images inspected before</source>
        <translation>Ранее просмотренные образы</translation>
    </message>
    <message>
        <source>Enter or double-click opens the image again</source>
        <translation>Enter или двойной щелчок снова открывает образ</translation>
    </message>
    <message>
        <source>&amp;Clear history</source>
        <translation>О&amp;чистить историю</translation>
    </message>
    <message>
        <source>Forget every entry (nothing else is stored)</source>
        <translation>Забыть все записи (больше ничего не хранится)</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Записи</translation>
    </message>
    <message>
        <source>History problem</source>
        <translation>Проблема с историей</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>По&amp;иск:</translation>
    </message>
    <message>
        <source>no images yet</source>
        <translation>образов пока нет</translation>
    </message>
</context>
<context>
    <name>ImageForm</name>
    <message>
        <source>Before: {value}</source>
        <translation>Раньше: {value}</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Folder ID</source>
        <translation>ID каталога</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создан</translation>
    </message>
    <message>
        <source>Storage size</source>
        <translation>Размер в хранилище</translation>
    </message>
    <message>
        <source>Min disk size</source>
        <translation>Мин. размер диска</translation>
    </message>
    <message>
        <source>Created, in UTC, and age</source>
        <translation>Создан, в UTC, и возраст</translation>
    </message>
    <message>
        <source>Storage size in bytes</source>
        <translation>Размер хранилища в байтах</translation>
    </message>
    <message>
        <source>Min disk size in bytes</source>
        <translation>Мин. размер диска в байтах</translation>
    </message>
    <message>
        <source>{label}:</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <source>Other fields</source>
        <translation>Другие поля</translation>
    </message>
    <message>
        <source>Other fields:</source>
        <translation>Другие поля:</translation>
    </message>
    <message>
        <source>Fields this build does not know, exactly as they came</source>
        <translation>Поля, которых эта сборка не знает, в точности как пришли</translation>
    </message>
</context>
<context>
    <name>ImagePage</name>
    <message>
        <source>Labels</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>Other fields</source>
        <translation>Другие поля</translation>
    </message>
    <message>
        <source>Image ID</source>
        <translation>ID образа</translation>
    </message>
    <message>
        <source>The ID of the image to fetch; Enter fetches it, Ctrl+L comes back here</source>
        <translation>ID образа, который нужно получить; Enter получает его, Ctrl+L возвращает сюда</translation>
    </message>
    <message>
        <source>Paste an image ID, e.g. e3vc67qdve8q12345678</source>
        <translation>Вставьте ID образа, например e3vc67qdve8q12345678</translation>
    </message>
    <message>
        <source>Clear the image ID</source>
        <translation>Очистить ID образа</translation>
    </message>
    <message>
        <source>Image &amp;ID:</source>
        <translation>&amp;ID образа:</translation>
    </message>
    <message>
        <source>Fetch the image (Enter)</source>
        <translation>Получить образ (Enter)</translation>
    </message>
    <message>
        <source>Fe&amp;tch</source>
        <translation>По&amp;лучить</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>Отм&amp;ена</translation>
    </message>
    <message>
        <source>Cancel the running fetch (Esc)</source>
        <translation>Отменить текущий запрос (Esc)</translation>
    </message>
    <message>
        <source>Fetch in progress</source>
        <translation>Идёт получение</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Ход выполнения</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Офлайн</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Что изменилось</translation>
    </message>
    <message>
        <source>The image&apos;s fields</source>
        <translation>Поля образа</translation>
    </message>
    <message>
        <source>Views of the image</source>
        <translation>Представления образа</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Образ</translation>
    </message>
    <message>
        <source>Raw response</source>
        <translation>Исходный ответ</translation>
    </message>
    <message>
        <source>The image as a form and its labels</source>
        <translation>Образ в виде формы и его метки</translation>
    </message>
    <message>
        <source>The answer exactly as it came over the wire (Ctrl+U)</source>
        <translation>Ответ в точности как пришёл по сети (Ctrl+U)</translation>
    </message>
    <message>
        <source>Cancel the running fetch</source>
        <translation>Отменить текущий запрос</translation>
    </message>
    <message>
        <source>Go to the labels filter</source>
        <translation>Перейти к фильтру меток</translation>
    </message>
    <message>
        <source>No image yet: paste an ID above and press Enter.</source>
        <translation>Образа пока нет: вставьте ID выше и нажмите Enter.</translation>
    </message>
    <message>
        <source>New tab</source>
        <translation>Новая вкладка</translation>
    </message>
    <message>
        <source>OFFLINE · failed call</source>
        <translation>ОФЛАЙН · неудачный вызов</translation>
    </message>
    <message>
        <source>OFFLINE · {title}</source>
        <translation>ОФЛАЙН · {title}</translation>
    </message>
    <message>
        <source>Refreshing {id}… (below: {caption})</source>
        <translation>Обновление {id}… (ниже: {caption})</translation>
    </message>
    <message>
        <source>Fetching {id}…</source>
        <translation>Получение {id}…</translation>
    </message>
    <message>
        <source>Loaded {name}. {status}</source>
        <translation>Загружен {name}. {status}</translation>
    </message>
    <message>
        <source>No answer yet.</source>
        <translation>Ответа пока нет.</translation>
    </message>
    <message>
        <source>No image: fetching {id} failed (see above).</source>
        <translation>Образа нет: получить {id} не удалось (см. выше).</translation>
    </message>
    <message>
        <source>Refresh cancelled; showing {caption}</source>
        <translation>Обновление отменено; показан {caption}</translation>
    </message>
    <message>
        <source>Fetching {id} was cancelled.</source>
        <translation>Получение {id} отменено.</translation>
    </message>
    <message>
        <source>Removed labels:
{labels}</source>
        <translation>Удалённые метки:
{labels}</translation>
    </message>
    <message>
        <source>Fetching {id} (attempt {attempt} of {attempts})… {seconds} s</source>
        <translation>Получение {id} (попытка {attempt} из {attempts})… {seconds} с</translation>
    </message>
    <message>
        <source>Fetching {id}… {seconds} s</source>
        <translation>Получение {id}… {seconds} с</translation>
    </message>
    <message>
        <source>Retrying in {seconds} s (attempt {attempt} of {attempts}): {reason}</source>
        <translation>Повтор через {seconds} с (попытка {attempt} из {attempts}): {reason}</translation>
    </message>
</context>
<context>
    <name>ImageRowsModel</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Created (local)</source>
        <translation>Создан (местное время)</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Возраст</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Хранилище</translation>
    </message>
    <message>
        <source>Min disk</source>
        <translation>Мин. диск</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Политика</translation>
    </message>
    <message>
        <source>No policy violations</source>
        <translation>Нарушений политики нет</translation>
    </message>
</context>
<context>
    <name>LabelsModel</name>
    <message>
        <source>Key</source>
        <translation>Ключ</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Label policy: {problems}</source>
        <translation>Политика меток: {problems}</translation>
    </message>
    <message>
        <source>New since the previous fetch</source>
        <translation>Новая с предыдущего получения</translation>
    </message>
    <message>
        <source>Before: {value}</source>
        <translation>Раньше: {value}</translation>
    </message>
</context>
<context>
    <name>LabelsPanel</name>
    <message>
        <source>Filter labels</source>
        <translation>Фильтр меток</translation>
    </message>
    <message>
        <source>Shows only the labels whose key or value contains this text</source>
        <translation>Показывает только метки, ключ или значение которых содержит этот текст</translation>
    </message>
    <message>
        <source>Filter labels (Ctrl+F)</source>
        <translation>Фильтр меток (Ctrl+F)</translation>
    </message>
    <message>
        <source>Clear the labels filter</source>
        <translation>Очистить фильтр меток</translation>
    </message>
    <message>
        <source>&amp;Labels:</source>
        <translation>&amp;Метки:</translation>
    </message>
    <message>
        <source>Copy &amp;rows</source>
        <translation>Копировать ст&amp;роки</translation>
    </message>
    <message>
        <source>Copy the selected labels as key&lt;TAB&gt;value lines</source>
        <translation>Скопировать выбранные метки строками ключ&lt;TAB&gt;значение</translation>
    </message>
    <message>
        <source>Copy &amp;all</source>
        <translation>&amp;Копировать все</translation>
    </message>
    <message>
        <source>Copy every label shown (after the filter)</source>
        <translation>Скопировать все показанные метки (после фильтра)</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>The image&apos;s labels, key and value; sort by a column, Ctrl+C copies rows</source>
        <translation>Метки образа, ключ и значение; сортировка по столбцу, Ctrl+C копирует строки</translation>
    </message>
    <message>
        <source>Copy the selected labels (in the labels table)</source>
        <translation>Скопировать выбранные метки (в таблице меток)</translation>
    </message>
    <message>
        <source>no labels</source>
        <translation>меток нет</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Images</source>
        <translation>Образы</translation>
    </message>
    <message>
        <source>One tab per image: Ctrl+T opens one, Ctrl+W closes it, Ctrl+Tab goes to the next</source>
        <translation>По вкладке на образ: Ctrl+T открывает, Ctrl+W закрывает, Ctrl+Tab переходит к следующей</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Демо</translation>
    </message>
    <message>
        <source>Demo images</source>
        <translation>Демонстрационные образы</translation>
    </message>
    <message>
        <source>Sample images of the demo API: click or press Enter to fetch</source>
        <translation>Образцы образов демо-API: щёлкните или нажмите Enter, чтобы получить</translation>
    </message>
    <message>
        <source>Browse a folder</source>
        <translation>Обзор каталога</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Подключение</translation>
    </message>
    <message>
        <source>PRESENTING: IDs masked</source>
        <translation>ПРЕЗЕНТАЦИЯ: ID скрыты</translation>
    </message>
    <message>
        <source>Status bar</source>
        <translation>Строка состояния</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;New Tab</source>
        <translation>&amp;Новая вкладка</translation>
    </message>
    <message>
        <source>&amp;Close Tab</source>
        <translation>&amp;Закрыть вкладку</translation>
    </message>
    <message>
        <source>&amp;Open Bundle or JSON…</source>
        <translation>&amp;Открыть пакет или JSON…</translation>
    </message>
    <message>
        <source>Open a support bundle, a REST JSON body or `yc ... --format json` output (Ctrl+O)</source>
        <translation>Открыть пакет для поддержки, JSON-тело REST или вывод `yc ... --format json` (Ctrl+O)</translation>
    </message>
    <message>
        <source>&amp;Save for Support…</source>
        <translation>&amp;Сохранить для поддержки…</translation>
    </message>
    <message>
        <source>One JSON file with the answer, its headers (no secrets), request IDs, timing, versions and clock skew (Ctrl+S)</source>
        <translation>Один JSON-файл с ответом, его заголовками (без секретов), идентификаторами запроса, временем, версиями и расхождением часов (Ctrl+S)</translation>
    </message>
    <message>
        <source>Conn&amp;ection…</source>
        <translation>Подк&amp;лючение…</translation>
    </message>
    <message>
        <source>Choose the profile, endpoints, credentials, CA file and proxy (Ctrl+Shift+O)</source>
        <translation>Выбрать профиль, эндпоинты, учётные данные, файл УЦ и прокси (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>Copy as &amp;curl</source>
        <translation>Копировать как &amp;curl</translation>
    </message>
    <message>
        <source>Copy as &amp;yc Command</source>
        <translation>Копировать как команду &amp;yc</translation>
    </message>
    <message>
        <source>Copy Image as &amp;JSON</source>
        <translation>Копировать образ как &amp;JSON</translation>
    </message>
    <message>
        <source>Copy Request &amp;IDs</source>
        <translation>Копировать &amp;идентификаторы запроса</translation>
    </message>
    <message>
        <source>The same request as a curl command; the token comes from `yc iam create-token`</source>
        <translation>Тот же запрос командой curl; токен берётся из `yc iam create-token`</translation>
    </message>
    <message>
        <source>I&amp;mage</source>
        <translation>&amp;Образ</translation>
    </message>
    <message>
        <source>Go to the Image &amp;ID</source>
        <translation>Перейти к &amp;ID образа</translation>
    </message>
    <message>
        <source>&amp;Fetch Again</source>
        <translation>Получить &amp;снова</translation>
    </message>
    <message>
        <source>&amp;Compare with…</source>
        <translation>Сра&amp;внить с…</translation>
    </message>
    <message>
        <source>Put this image beside another (an ID or a file): every field and label aligned, differences highlighted (Ctrl+Shift+D)</source>
        <translation>Поставить этот образ рядом с другим (ID или файл): все поля и метки выровнены, различия выделены (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <source>&amp;Stop Watching</source>
        <translation>&amp;Перестать следить</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Browse a Folder</source>
        <translation>&amp;Обзор каталога</translation>
    </message>
    <message>
        <source>Go to the folder browser, or back to the image (Ctrl+B)</source>
        <translation>Перейти к обзору каталога или обратно к образу (Ctrl+B)</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;История</translation>
    </message>
    <message>
        <source>&amp;Raw Response</source>
        <translation>Ис&amp;ходный ответ</translation>
    </message>
    <message>
        <source>&amp;Presenting Mode</source>
        <translation>Режим &amp;презентации</translation>
    </message>
    <message>
        <source>Mask IDs and hide folder IDs for screen sharing and screenshots (Ctrl+Shift+P)</source>
        <translation>Скрыть ID и ID каталогов для демонстрации экрана и снимков (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Тема</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <source>Open &amp;Log Folder</source>
        <translation>Открыть папку &amp;журналов</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;О программе</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;Системная</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>С&amp;ветлая</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Тёмная</translation>
    </message>
    <message>
        <source>&amp;System Language</source>
        <translation>&amp;Язык системы</translation>
    </message>
    <message>
        <source>The language changes when the inspector starts again.</source>
        <translation>Язык сменится при следующем запуске инспектора.</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Fetch the ID typed; list the folder typed; open a row</source>
        <translation>Получить введённый ID; показать введённый каталог; открыть строку</translation>
    </message>
    <message>
        <source>Tab, Shift+Tab</source>
        <translation>Tab, Shift+Tab</translation>
    </message>
    <message>
        <source>Move between fields, buttons and tables</source>
        <translation>Переход между полями, кнопками и таблицами</translation>
    </message>
    <message>
        <source>Alt+underlined letter</source>
        <translation>Alt+подчёркнутая буква</translation>
    </message>
    <message>
        <source>Press that button or go to that field</source>
        <translation>Нажать эту кнопку или перейти к этому полю</translation>
    </message>
    <message>
        <source>Ctrl+Tab, Ctrl+Shift+Tab</source>
        <translation>Ctrl+Tab, Ctrl+Shift+Tab</translation>
    </message>
    <message>
        <source>Next or previous tab</source>
        <translation>Следующая или предыдущая вкладка</translation>
    </message>
    <message>
        <source>Menu key, Shift+F10</source>
        <translation>Клавиша меню, Shift+F10</translation>
    </message>
    <message>
        <source>A value&apos;s menu: copy it whole</source>
        <translation>Меню значения: скопировать его целиком</translation>
    </message>
    <message>
        <source>Copied the curl command</source>
        <translation>Команда curl скопирована</translation>
    </message>
    <message>
        <source>Copied the yc command</source>
        <translation>Команда yc скопирована</translation>
    </message>
    <message>
        <source>Copied the image as JSON</source>
        <translation>Образ скопирован как JSON</translation>
    </message>
    <message>
        <source>Copied the request IDs</source>
        <translation>Идентификаторы запроса скопированы</translation>
    </message>
    <message>
        <source>Nothing to copy yet: fetch an image first</source>
        <translation>Копировать пока нечего: сначала получите образ</translation>
    </message>
    <message>
        <source>Nothing to save: fetch an image first (an opened file is saved)</source>
        <translation>Сохранять нечего: сначала получите образ (открытый файл тоже сохраняется)</translation>
    </message>
    <message>
        <source>Save for Support</source>
        <translation>Сохранить для поддержки</translation>
    </message>
    <message>
        <source>Support bundles (*.inspector.json)</source>
        <translation>Пакеты для поддержки (*.inspector.json)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Файлы JSON (*.json)</translation>
    </message>
    <message>
        <source>Cannot save {file}: {reason}</source>
        <translation>Не удалось сохранить {file}: {reason}</translation>
    </message>
    <message>
        <source>Saved for support: {path}</source>
        <translation>Сохранено для поддержки: {path}</translation>
    </message>
    <message>
        <source>Nothing to save</source>
        <translation>Сохранять нечего</translation>
    </message>
    <message>
        <source>Open a Bundle or JSON File</source>
        <translation>Открыть пакет или файл JSON</translation>
    </message>
    <message>
        <source>Bundles and JSON (*.json)</source>
        <translation>Пакеты и JSON (*.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Все файлы (*)</translation>
    </message>
    <message>
        <source>File not opened</source>
        <translation>Файл не открыт</translation>
    </message>
    <message>
        <source>Label policy not used</source>
        <translation>Политика меток не применяется</translation>
    </message>
    <message>
        <source>Labels are not checked until the policy file is fixed and the app restarted.</source>
        <translation>Метки не проверяются, пока файл политики не исправлен и приложение не перезапущено.</translation>
    </message>
    <message>
        <source>Settings file kept aside</source>
        <translation>Файл настроек отложен в сторону</translation>
    </message>
    <message>
        <source>Could not open a file manager; the logs are in {folder}</source>
        <translation>Не удалось открыть файловый менеджер; журналы находятся в {folder}</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Непредвиденная ошибка</translation>
    </message>
    <message>
        <source>Open Log Folder</source>
        <translation>Открыть папку журналов</translation>
    </message>
    <message>
        <source>Something went wrong that the inspector did not expect.</source>
        <translation>Произошло то, чего инспектор не ожидал.</translation>
    </message>
    <message>
        <source>It keeps working; you can go on.</source>
        <translation>Он продолжает работать; можно продолжать.</translation>
    </message>
    <message>
        <source>The details are in the log file in {folder}.</source>
        <translation>Подробности в файле журнала в {folder}.</translation>
    </message>
    <message>
        <source>The details are in the log file.</source>
        <translation>Подробности в файле журнала.</translation>
    </message>
    <message>
        <source>Unexpected error: {summary}</source>
        <translation>Непредвиденная ошибка: {summary}</translation>
    </message>
    <message>
        <source>no token</source>
        <translation>без токена</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>ДЕМО</translation>
    </message>
    <message>
        <source>DEMO — connected to the built-in demo API at {url}. The images are samples, not your cloud. Pick one on the left, or paste an ID.</source>
        <translation>ДЕМО — подключено к встроенному демо-API на {url}. Образы — образцы, а не ваше облако. Выберите образ слева или вставьте ID.</translation>
    </message>
</context>
<context>
    <name>PastedIds</name>
    <message>
        <source>IDs found in the pasted text</source>
        <translation>ID во вставленном тексте</translation>
    </message>
    <message>
        <source>Fetch image {id}</source>
        <translation>Получить образ {id}</translation>
    </message>
    <message>
        <source>Browse folder {id}</source>
        <translation>Открыть каталог {id}</translation>
    </message>
</context>
<context>
    <name>RawResponseView</name>
    <message>
        <source>Status, time and size</source>
        <translation>Статус, время и размер</translation>
    </message>
    <message>
        <source>Request URL</source>
        <translation>URL запроса</translation>
    </message>
    <message>
        <source>Where this answer came from</source>
        <translation>Откуда пришёл этот ответ</translation>
    </message>
    <message>
        <source>Clock compared with the server&apos;s</source>
        <translation>Часы в сравнении с часами сервера</translation>
    </message>
    <message>
        <source>Request IDs</source>
        <translation>Идентификаторы запроса</translation>
    </message>
    <message>
        <source>Response headers</source>
        <translation>Заголовки ответа</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Body exactly as received</source>
        <translation>Тело ответа в точности как получено</translation>
    </message>
    <message>
        <source>Body, pretty-printed</source>
        <translation>Тело ответа, отформатированное</translation>
    </message>
    <message>
        <source>Body size</source>
        <translation>Размер тела</translation>
    </message>
    <message>
        <source>Copy raw &amp;body</source>
        <translation>Копировать исходное &amp;тело</translation>
    </message>
    <message>
        <source>Copy the body exactly as it came, even while presenting</source>
        <translation>Скопировать тело в точности как пришло, даже в режиме презентации</translation>
    </message>
    <message>
        <source>Body as received</source>
        <translation>Тело как получено</translation>
    </message>
    <message>
        <source>Pretty-printed</source>
        <translation>Отформатированное</translation>
    </message>
    <message>
        <source>No answer yet.</source>
        <translation>Ответа пока нет.</translation>
    </message>
    <message>
        <source>Clock: {clock}</source>
        <translation>Часы: {clock}</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>Every key combination the window understands</source>
        <translation>Все сочетания клавиш, которые понимает окно</translation>
    </message>
    <message>
        <source>Everything in the window can be reached with the keyboard:</source>
        <translation>Всё в окне доступно с клавиатуры:</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>Сочетания</translation>
    </message>
    <message>
        <source>Keys in the first column, what they do in the second</source>
        <translation>Клавиши в первом столбце, их действие во втором</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
</context>
<context>
    <name>StatusBadge</name>
    <message>
        <source>{status} (unknown status)</source>
        <translation>{status} (неизвестный статус)</translation>
    </message>
    <message>
        <source>Status: {status}, {meaning}</source>
        <translation>Статус: {status}, {meaning}</translation>
    </message>
</context>
<context>
    <name>ValueLabel</name>
    <message>
        <source>{field}: {value}</source>
        <translation>{field}: {value}</translation>
    </message>
    <message>
        <source>Copy whole value</source>
        <translation>Копировать значение целиком</translation>
    </message>
    <message>
        <source>Copy selection</source>
        <translation>Копировать выделенное</translation>
    </message>
</context>
<context>
    <name>WatchBar</name>
    <message>
        <source>Watch</source>
        <translation>Следить</translation>
    </message>
    <message>
        <source>Watch progress</source>
        <translation>Ход наблюдения</translation>
    </message>
    <message>
        <source>Watch message</source>
        <translation>Сообщение наблюдения</translation>
    </message>
    <message>
        <source>&amp;Stop watching</source>
        <translation>Перестать сле&amp;дить</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Dismiss watch message</source>
        <translation>Закрыть сообщение о слежении</translation>
    </message>
    <message>
        <source>Watching: {progress}</source>
        <translation>Наблюдение: {progress}</translation>
    </message>
</context>
</TS>
