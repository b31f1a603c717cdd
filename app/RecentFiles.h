#pragma once
// The File → Open Recent list, kept in QSettings (most recent first, at most 10).
#include <QObject>
#include <QStringList>

class QMenu;

class RecentFiles : public QObject {
    Q_OBJECT
public:
    RecentFiles(QMenu* menu, QObject* parent);

    void add(const QString& path);
    QStringList files() const;

Q_SIGNALS:
    void openRequested(const QString& path);

private:
    void rebuildMenu();
    QMenu* m_menu;
};
