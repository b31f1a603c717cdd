#pragma once
// Reading a run directory's run.h5 for display: a short summary of what was trained and
// how far it got, and its loss history (for a monitor continuing a resumed run).
#include "run/RunFile.h"
#include "train/AbInitioState.h"

#include <QCoreApplication>
#include <QString>

class RunSummary {
    Q_DECLARE_TR_FUNCTIONS(RunSummary)
public:
    // Multi-line summary of the run in `runDirOrFile` (a directory or its run.h5).
    // Throws cryo::FileError when it is not a readable run.
    static QString text(const QString& runDirOrFile);
    // How the window names a run: its directory's name, or for a run imported from cryoDRGN
    // "<its directory> · cryoDRGN run, epoch N".
    static QString title(const cryo::RunConfig& config, const QString& runDir);
    // The run's /history, or empty when there is no readable run there.
    static std::vector<cryo::EpochRecord> history(const QString& runDirOrFile);
    // An ab initio run's pose errors per epoch (/history/pose_error_deg, …), or empty.
    static std::vector<cryo::PoseErrorRecord> poseErrorHistory(const QString& runDirOrFile);
};
