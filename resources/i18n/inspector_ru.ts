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
</TS>
