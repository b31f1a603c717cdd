#include "FileChoice.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>

namespace {

const QString kLastDirectory = QStringLiteral("lastDirectory");

QString lastDirectory() { return QSettings().value(kLastDirectory).toString(); }

QString remembered(const QString& path, bool isDirectory)
{
    if (!path.isEmpty())
        QSettings().setValue(kLastDirectory, isDirectory ? path : QFileInfo(path).absolutePath());
    return path;
}

} // namespace

QString chooseFileToOpen(QWidget* parent, const QString& title, const QString& filter)
{
    return remembered(QFileDialog::getOpenFileName(parent, title, lastDirectory(), filter), false);
}

QString chooseFileToSave(QWidget* parent, const QString& title, const QString& filter, const QString& start)
{
    const QString suggested = start.isEmpty() ? lastDirectory() : start;
    return remembered(QFileDialog::getSaveFileName(parent, title, suggested, filter), false);
}

QString chooseDirectory(QWidget* parent, const QString& title)
{
    return remembered(QFileDialog::getExistingDirectory(parent, title, lastDirectory()), true);
}
