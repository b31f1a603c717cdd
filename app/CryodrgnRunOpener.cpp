#include "CryodrgnRunOpener.h"

#include "RunLoader.h"
#include "WindowHost.h"
#include "cryodrgn/CryodrgnImport.h"
#include "io/H5File.h"
#include "run/RunFile.h"

#include <QAction>
#include <QActionGroup>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QRegularExpression>

namespace {

// The run directory and epoch a path names: DIR, or DIR/weights.N.pkl, DIR/z.N.pkl, DIR/config.yaml.
std::pair<std::filesystem::path, std::optional<int>> locate(const QString& path)
{
    const QFileInfo info(path);
    if (info.isDir())
        return {path.toStdString(), std::nullopt};
    static const QRegularExpression numbered(QStringLiteral("^(weights|z)\\.([0-9]{1,7})\\.pkl$"));
    const QRegularExpressionMatch m = numbered.match(info.fileName());
    return {info.absolutePath().toStdString(), m.hasMatch() ? std::optional<int>(m.captured(2).toInt()) : std::nullopt};
}

} // namespace

CryodrgnRunOpener::CryodrgnRunOpener(WindowHost& host, RunLoader* loader)
    : QObject(host.mainWindow()), m_host(host), m_loader(loader)
{
    QMenu* fileMenu = host.menu(WindowHost::Menu::File);
    connect(m_loader, &RunLoader::imported, this, [this](const QString& source, const QString&, int epoch, const QStringList& notes) {
        m_host.remember(source);
        m_importNotes = notes;
        m_importEpoch = epoch;
    });
    connect(m_loader->runner(), &JobRunner::ended, this, [this](JobRunner::State state) {
        const QStringList notes = std::exchange(m_importNotes, {});
        if (state != JobRunner::State::Completed || notes.isEmpty())
            return;
        QStringList lines;
        for (const QString& n : notes)
            lines << QStringLiteral("• ") + n;
        m_host.note(tr("cryoDRGN run, epoch %1").arg(m_importEpoch), lines.join(QLatin1Char('\n')), false);
    });
    m_epochMenu = fileMenu->addMenu(tr("cryoDRGN &Epoch"));
    m_epochMenu->setEnabled(false);
    m_locateParticles = fileMenu->addAction(tr("&Locate Particles…"), this, &CryodrgnRunOpener::chooseParticles);
    m_locateParticles->setStatusTip(tr("Name the particle file of the open cryoDRGN run (remembered)"));
    m_locateParticles->setEnabled(false);
}

bool CryodrgnRunOpener::isCryodrgnRun(const QString& path)
{
    return cryo::isCryodrgnRunDirectory(locate(path).first);
}

void CryodrgnRunOpener::open(const QString& path, std::optional<int> epoch, const QString& particles)
{
    const auto [directory, named] = locate(path);
    auto options = std::make_shared<cryo::CryodrgnImportOptions>();
    options->epoch = epoch ? epoch : named;
    options->particles = particles.toStdString();
    RunLoadRequest request;
    request.path = QString::fromStdString(directory.string());
    request.cryodrgn = std::move(options);
    m_importNotes.clear();
    m_loader->open(request);
}

void CryodrgnRunOpener::showRun(const QString& runDir)
{
    m_cryodrgnDirectory.clear();
    m_epoch = -1;
    try {
        const cryo::RunConfig config =
            cryo::readRunConfig(cryo::H5File(cryo::runFilePath(runDir.toStdString()), cryo::H5File::Mode::ReadOnly));
        if (config.importedFromCryodrgn()) {
            m_cryodrgnDirectory = config.cryodrgnWeights.parent_path();
            m_epoch = config.cryodrgnEpoch;
        }
    } catch (const std::exception&) {
        // not a run we can read: no cryoDRGN menu
    }
    m_locateParticles->setEnabled(!m_cryodrgnDirectory.empty());
    rebuildEpochMenu();
}

void CryodrgnRunOpener::rebuildEpochMenu()
{
    m_epochMenu->clear();
    m_epochMenu->setEnabled(false);
    if (m_cryodrgnDirectory.empty())
        return;
    cryo::CryodrgnRun run;
    try {
        run = cryo::openCryodrgnRun(m_cryodrgnDirectory);
    } catch (const std::exception&) {
        return;   // the directory changed under us: the open run stays as it is
    }
    auto* group = new QActionGroup(m_epochMenu);
    for (const cryo::CryodrgnEpoch& e : run.epochs) {
        QAction* action = m_epochMenu->addAction(tr("Epoch %1 (%2)").arg(e.number).arg(QString::fromStdString(e.weights.filename().string())));
        action->setCheckable(true);
        action->setChecked(e.number == m_epoch);
        group->addAction(action);
        const int number = e.number;
        connect(action, &QAction::triggered, this, [this, number] {
            open(QString::fromStdString(m_cryodrgnDirectory.string()), number);
        });
    }
    m_epochMenu->setEnabled(true);
}

void CryodrgnRunOpener::chooseParticles()
{
    if (m_cryodrgnDirectory.empty())
        return;
    const QString file = QFileDialog::getOpenFileName(
        m_host.mainWindow(), tr("Locate the Run's Particles"), QString::fromStdString(m_cryodrgnDirectory.parent_path().string()),
        tr("Particles (*.star *.cs *.mrcs *.mrc *.txt);;All files (*)"));
    if (!file.isEmpty())
        open(QString::fromStdString(m_cryodrgnDirectory.string()), m_epoch, file);
}
