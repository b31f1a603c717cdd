// The main window with a real 3D view (runs under xvfb-run): opening maps from the
// command line and in-process, the surface showing up, the contour level driving the
// status bar, bad files keeping what was shown, recent files persisting, German menus.
#include "MainWindow.h"
#include "MapStage.h"
#include "ParticleMontage.h"
#include "ParticlesDialog.h"
#include "ThresholdPanel.h"
#include "Translations.h"
#include "VolumeViewer.h"
#include "VtkView.h"
#include "io/MrcFile.h"
#include "support/TestMaps.h"

#include <QDoubleSpinBox>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

namespace {

// Fraction of pixels in `image` that differ clearly from the colour at its corner.
double foregroundFraction(const QImage& image, const QRect& region)
{
    const QColor background = image.pixelColor(2, 2);
    int differing = 0;
    for (int y = region.top(); y <= region.bottom(); ++y)
        for (int x = region.left(); x <= region.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - background.red()) + std::abs(c.green() - background.green()) +
                    std::abs(c.blue() - background.blue()) > 60)
                ++differing;
        }
    return double(differing) / double(region.width() * region.height());
}

QRect centre(const QImage& image, double fraction)
{
    const int w = int(image.width() * fraction), h = int(image.height() * fraction);
    return QRect((image.width() - w) / 2, (image.height() - h) / 2, w, h);
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_ball, m_bad;

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", m_dir.path().toUtf8());   // settings of this test only
        m_ball = m_dir.filePath("ball.mrc");
        cryo::writeMrc(m_ball.toStdString(), testmaps::ball(40, 12, 20, 20, 20));
        m_bad = m_dir.filePath("bad.mrc");
        QFile bad(m_bad);
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(QByteArray(2000, 'x'));
    }

    void opensMapAndShowsLitSurface()
    {
        MainWindow window;
        window.setInteractive(false);
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY2(window.viewer()->hasOpenGL(), qPrintable(window.viewer()->openGLProblem()));
        QVERIFY(window.openMap(m_ball));
        QVERIFY(window.viewer()->triangleCount() > 100);
        const QImage frame = window.viewer()->grabFrame();
        QVERIFY(!frame.isNull());
        QVERIFY2(foregroundFraction(frame, centre(frame, 0.1)) > 0.9, "no surface in the middle of the view");
        QVERIFY(foregroundFraction(frame, QRect(0, 0, 20, 20)) < 0.05);
        QVERIFY2(window.statusText().contains(QStringLiteral("40 × 40 × 40 voxels")), qPrintable(window.statusText()));
        QVERIFY(window.statusText().contains(QStringLiteral("2.000 Å/voxel")));
    }

    void levelChangesEnclosedVolume()
    {
        MainWindow window;
        window.setInteractive(false);
        window.show();
        QVERIFY(window.openMap(m_ball));
        auto* absolute = window.mapStage()->thresholdPanel()->findChildren<QDoubleSpinBox*>().value(0);
        QVERIFY(absolute);
        absolute->setValue(0.5);
        // A ball of radius 12 voxels at 2 Å/voxel: 4/3 π (24 Å)^3 ≈ 57,906 Å³ at level 0.5.
        const QString status = window.statusText();
        const QRegularExpression number(QStringLiteral("enclosed volume ([0-9,.]+) Å³"));
        const auto match = number.match(status);
        QVERIFY2(match.hasMatch(), qPrintable(status));
        const double enclosed = QLocale().toDouble(match.captured(1));
        QVERIFY2(std::abs(enclosed - 57906) / 57906 < 0.03, qPrintable(status));
        const long long trianglesAtHalf = window.viewer()->triangleCount();
        absolute->setValue(0.95);   // a smaller ball: fewer triangles
        QVERIFY(window.viewer()->triangleCount() < trianglesAtHalf);
    }

    void badFileKeepsWhatWasShown()
    {
        MainWindow window;
        window.setInteractive(false);
        window.show();
        QVERIFY(window.openMap(m_ball));
        const QString before = window.statusText();
        QVERIFY(!window.openMap(m_bad));
        QVERIFY(window.statusText().contains(QStringLiteral("40 × 40 × 40")));
        QVERIFY(window.viewer()->triangleCount() > 100);
    }

    void recentFilesPersist()
    {
        {
            MainWindow window;
            window.setInteractive(false);
            QVERIFY(window.openMap(m_ball));
        }
        const QStringList recent = QSettings().value("recentFiles").toStringList();
        QVERIFY(!recent.isEmpty());
        QCOMPARE(recent.first(), QFileInfo(m_ball).absoluteFilePath());
        MainWindow again;
        const auto actions = again.menuBar()->findChildren<QAction*>();
        const bool listed = std::any_of(actions.begin(), actions.end(),
                                        [](QAction* a) { return a->text().contains("ball.mrc"); });
        QVERIFY(listed);
    }

    void commandLineMapAndScreenshot()
    {
        const QString shot = m_dir.filePath("shot.png");
        QProcess p;
        p.start(QStringLiteral(CRYOSCAPE_BIN_DIR "/cryoscape"), {m_ball, "--screenshot", shot});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        const QImage image(shot);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > 400);
        // The map sits in the centre of the viewer, which is left of the level dock.
        const QRect viewerCentre(image.width() * 0.3, image.height() * 0.4, image.width() * 0.1, image.height() * 0.1);
        QVERIFY2(foregroundFraction(image, viewerCentre) > 0.5, "screenshot shows no surface");
    }

    void commandLineBadMapExitsNonZero()
    {
        QProcess p;
        p.start(QStringLiteral(CRYOSCAPE_BIN_DIR "/cryoscape"), {m_bad, "--screenshot", m_dir.filePath("bad.png")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 1);
        QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains("bad.mrc"));
    }

    void opensParticlesWithMontage()
    {
        MainWindow window;
        window.setInteractive(false);
        ParticlesDialog* dialog = window.openParticles(QStringLiteral(CRYOSCAPE_FIXTURES_DIR "/empiar_10076_7.star"));
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->montage()->pageCount(), 1);   // 7 particles, 24 a page
        QVERIFY(dialog->findChild<QPlainTextEdit*>()->toPlainText().contains("Count:          7"));
        const QImage shot = dialog->montage()->grab().toImage();
        QVERIFY(foregroundFraction(shot, QRect(0, 0, shot.width(), shot.height() / 4)) > 0.2);   // images drawn
    }

    void badParticleFileIsReported()
    {
        const QString star = m_dir.filePath("broken.star");
        QFile f(star);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("data_particles\nloop_\n_rlnDefocusU #1\n10000\n");   // no _rlnImageName
        f.close();
        MainWindow window;
        window.setInteractive(false);
        QVERIFY(!window.openParticles(star));
    }

    void germanMenus()
    {
        QVERIFY(installTranslations(*QCoreApplication::instance(), "de"));
        MainWindow window;
        QStringList titles;
        for (QAction* a : window.menuBar()->actions())
            titles << a->text();
        QVERIFY2(titles.contains("&Datei") && titles.contains("&Ansicht") && titles.contains("&Hilfe"),
                 qPrintable(titles.join(',')));
    }
};

int main(int argc, char** argv)
{
    QSurfaceFormat::setDefaultFormat(cryo::VtkView::surfaceFormat());
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName("CryoscapeTest");
    QCoreApplication::setApplicationName("tst_mainwindow");
    TestMainWindow test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_mainwindow.moc"
