#pragma once
// File dialogs that start in the folder used last (QSettings "lastDirectory") and remember
// the one chosen. Each returns "" when the user cancels.
#include <QString>

class QWidget;

QString chooseFileToOpen(QWidget* parent, const QString& title, const QString& filter);
// start: the file or folder to suggest ("": the folder used last).
QString chooseFileToSave(QWidget* parent, const QString& title, const QString& filter, const QString& start = {});
QString chooseDirectory(QWidget* parent, const QString& title);
