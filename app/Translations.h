#pragma once
// Loads the user-interface translation: the --lang option wins, else the system locale.
#include <QCoreApplication>
#include <QString>

// The value of --lang (or --lang=xx) in the raw arguments, empty if absent. Read before
// the command-line parser exists, so that its help text is translated too.
QString requestedLanguage(const QStringList& arguments);

// Installs Qt's own and Cryoscape's translators for `language` (a code such as "de";
// empty: the system locale). Returns false when no translation for it is built in.
bool installTranslations(QCoreApplication& app, const QString& language);
