// "Backproject Selection" in the GUI on a real (tiny) trained run, under xvfb-run: the action
// needs a run and a selection, and is also a button under the selection panel; the job runs in the background and the Validation dock shows
// the decoder's map of the selection beside the backprojection of the same particles (both
// drawn, one camera), their FSC curves and the particle count; the unsupported-density
// surface can be switched off; Cancel stops a running job. CRYOSCAPE_SCREENSHOT_DIR keeps a
// picture of the dock.
#include "support/OpenRun.h"
#include "ExplorerPanel.h"
#include "FscPlot.h"
#include "MainWindow.h"
#include "SelectionModel.h"
#include "SelectionPanel.h"
#include "ValidationController.h"
#include "ValidationJob.h"
#include "ValidationPanel.h"
#include "VolumeViewer.h"
#include "VtkView.h"
#include "support/TinyRun.h"

#include <QAction>
#include <QCheckBox>
#include <QDockWidget>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

#include <vtkCamera.h>
#include <vtkRenderer.h>

namespace {

constexpr int kParticles = 300;

std::vector<std::size_t> everyOther(std::size_t count)
{
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < count; i += 2)
        out.push_back(i);
    return out;
}

// The selection panel's button that runs `action`, or nullptr.
QToolButton* selectionButton(ExplorerPanel* explorer, QAction* action)
{
    for (auto* button : explorer->selectionPanel()->findChildren<QToolButton*>())
        if (button->defaultAction() == action)
            return button;
    return nullptr;
}

vtkCamera* cameraOf(VolumeViewer* viewer) { return viewer->view()->renderer()->GetActiveCamera(); }

} // namespace

class TestValidation : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_run;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TinyRunOptions options;
        options.particles = kParticles;
        options.motion = cryo::MotionKind::Discrete;
        m_run = makeTinyRun(m_dir.path(), options);
    }

    void actionNeedsARunAndASelection()
    {
        auto window = showTinyRunWindow();
        QVERIFY(window);
        ValidationController* validation = window->validation();
        QVERIFY(!validation->action()->isEnabled());
        QVERIFY(!validation->backprojectSelection());
        QVERIFY(openAndWait(*window, m_run));
        QVERIFY(validation->action()->isEnabled());
        QCOMPARE(validation->action()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_B));
        QVERIFY(!validation->backprojectSelection());   // nothing selected yet
        QVERIFY2(window->statusBar()->currentMessage().contains("Select particles"),
                 qPrintable(window->statusBar()->currentMessage()));
    }

    void backprojectsTheSelectionBesideTheDecodersMap()
    {
        auto window = showTinyRunWindow(m_run, {1600, 1000});
        QVERIFY(window);
        ValidationController* validation = window->validation();
        SelectionModel* selection = window->explorer()->selection();
        selection->combineCurrent(cryo::SelectionSet::fromIndices(kParticles, everyOther(kParticles)),
                                  cryo::SelectionMode::Replace, QStringLiteral("test"));
        QSignalSpy finished(validation->job(), &ValidationJob::finished);
        QSignalSpy failed(validation->job(), &ValidationJob::failed);
        // From the selection panel's button, the way a user beside the selection would.
        QToolButton* button = selectionButton(window->explorer(), validation->action());
        QVERIFY(button);
        QVERIFY(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(validation->dock()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() + failed.count() > 0, 300000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));

        ValidationPanel* panel = validation->panel();
        QVERIFY(panel->result());
        QCOMPARE(panel->result()->backprojection.particles, std::size_t(kParticles / 2));
        QVERIFY2(panel->summaryText().contains("150 particles"), qPrintable(panel->summaryText()));
        QCOMPARE(panel->fscPlot()->curves().size(), std::size_t(3));
        QTRY_VERIFY(panel->decoderViewer()->triangleCount() > 0);
        QVERIFY(panel->backprojectionViewer()->triangleCount() > 0);
        QCOMPARE(panel->result()->decoded.nx, panel->result()->backprojection.map.nx);

        // One camera: turning the decoder's view turns the backprojection's.
        cameraOf(panel->decoderViewer())->Azimuth(40);
        panel->decoderViewer()->view()->requestRender();
        double a[3], b[3];
        QTRY_VERIFY([&] {
            cameraOf(panel->decoderViewer())->GetPosition(a);
            cameraOf(panel->backprojectionViewer())->GetPosition(b);
            return std::abs(a[0] - b[0]) + std::abs(a[1] - b[1]) + std::abs(a[2] - b[2]) < 1e-6;
        }());

        // The unsupported density is an overlay that can be switched off.
        panel->excessBox()->setChecked(true);
        const cryo::MapAgreement& agreement = panel->result()->agreement;
        QCOMPARE(panel->decoderViewer()->overlayTriangleCount() > 0, agreement.flaggedVoxels > 0);
        panel->excessBox()->setChecked(false);
        QCOMPARE(panel->decoderViewer()->overlayTriangleCount(), 0LL);
        panel->excessBox()->setChecked(true);

        const QString dir = qEnvironmentVariable("CRYOSCAPE_SCREENSHOT_DIR");
        if (!dir.isEmpty()) {
            QTest::qWait(300);
            QVERIFY(window->grab().save(QDir(dir).filePath("validation-window.png")));
            QVERIFY(validation->dock()->grab().save(QDir(dir).filePath("validation-dock.png")));
        }
    }

    void cancelStopsTheJob()
    {
        auto window = showTinyRunWindow(m_run);
        QVERIFY(window);
        ValidationController* validation = window->validation();
        window->explorer()->selection()->combineCurrent(cryo::SelectionSet(kParticles, true),
                                                        cryo::SelectionMode::Replace, QStringLiteral("all"));
        QSignalSpy finished(validation->job(), &ValidationJob::finished);
        QSignalSpy failed(validation->job(), &ValidationJob::failed);
        QSignalSpy cancelled(validation->job(), &ValidationJob::cancelled);
        QVERIFY(validation->backprojectSelection());
        QVERIFY(!validation->backprojectSelection());   // one at a time
        validation->job()->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() + cancelled.count() > 0, 300000);
        QVERIFY(failed.isEmpty());   // a cancel is not a failure (a tiny job may finish first)
        QVERIFY(!validation->job()->isRunning());
    }
};

QTEST_MAIN(TestValidation)
#include "tst_validation.moc"
