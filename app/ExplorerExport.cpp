// File → Export Selection / Export Complement of the explorer: the selected particles (all of
// a homogeneous run's) written as .star, .cs, .txt or .pkl, with the poses of an ab initio run.
#include "ExplorerController.h"

#include "ExplorerPanel.h"
#include "SelectionModel.h"
#include "WindowHost.h"
#include "io/H5File.h"
#include "particles/ParticleDataset.h"
#include "particles/SubsetExport.h"
#include "run/RunFile.h"
#include "run/RunParticles.h"
#include "run/RunPoses.h"

#include <QFileInfo>
#include <QLocale>

#include <filesystem>

bool ExplorerController::exportSelection(const QString& path, bool complement)
{
    // The run's particles and which of them: the explorer's selection, or all of a homogeneous run's.
    std::shared_ptr<const cryo::ParticleDataset> dataset;
    QString runDir, which;
    cryo::SubsetExportRequest request;
    try {
        if (m_explorer) {
            const RunParticles& particles = m_explorer->particles();
            if (!particles.dataset)
                throw std::runtime_error(tr("The run's particles cannot be opened: %1").arg(particles.problem).toStdString());
            dataset = particles.dataset;
            runDir = m_explorer->tables().runDir;
            request.selection = m_explorer->selection()->current().indices();
            request.invert = complement;
            which = complement ? tr("complement of the selection") : tr("the selection");
        } else if (!m_homogeneousRun.isEmpty()) {
            runDir = m_homogeneousRun;
            const cryo::RunConfig config = cryo::readRunConfig(
                cryo::H5File(cryo::runFilePath(runDir.toStdString()), cryo::H5File::Mode::ReadOnly));
            dataset = std::make_shared<const cryo::ParticleDataset>(cryo::openRunParticles(config));
            request.invert = true;   // the complement of nothing: every particle
            which = tr("all: a homogeneous run has no selection");
        } else {
            m_host.reportError(tr("Export"), tr("Open a run first."));
            return false;
        }
    } catch (const std::exception& e) {
        m_host.reportError(tr("Export"), QString::fromUtf8(e.what()));
        return false;
    }
    const QString suffix = QFileInfo(path).suffix().toLower();
    const std::filesystem::path out = path.toStdString();
    if (suffix == QLatin1String("star"))
        request.star = out;
    else if (suffix == QLatin1String("cs"))
        request.cs = out;
    else if (suffix == QLatin1String("txt"))
        request.txt = out;
    else if (suffix == QLatin1String("pkl"))
        request.pkl = out;
    else {
        m_host.reportError(tr("Export"), tr("%1: unknown format (use .star, .cs, .txt or .pkl)").arg(path));
        return false;
    }
    try {
        if (!request.star.empty() || !request.cs.empty()) {   // an ab initio run's particles carry its poses
            const cryo::H5File run(cryo::runFilePath(runDir.toStdString()), cryo::H5File::Mode::ReadOnly);
            request.poses = cryo::exportPoses(run, *dataset);
        }
        const cryo::SubsetExportResult result = cryo::exportSubset(*dataset, request);
        QString text = tr("Wrote %1 of %2 particles (%3) to %4")
                           .arg(QLocale().toString(qulonglong(result.exported.size())),
                                QLocale().toString(qulonglong(dataset->size())), which, path);
        if (!request.poses.empty())
            text += tr(", with the poses this run found ab initio");
        for (const std::string& note : result.notes)
            text += QStringLiteral("\n") + QString::fromStdString(note);
        m_host.note(tr("Export"), text, false);
        return true;
    } catch (const std::exception& e) {
        m_host.reportError(tr("Export failed"), QString::fromUtf8(e.what()));
        return false;
    }
}
