// Export Movie in the main window (runs under xvfb-run): a 360° turn of the shown map with
// the viewer's camera and level → a GIF with the frames asked for, changing from frame to
// frame; the maps at latent points of a run, decoded and rendered while earlier frames are
// encoded on the encoder's thread; Cancel stops it and leaves no file; a run that cannot be read fails with a message
// naming it; a second movie is refused while one is being made; the dialog's choices
// (even sizes, background, level mode, turn-only frame count).
#include "MainWindow.h"
#include "MovieController.h"
#include "MovieExportDialog.h"
#include "MovieExportJob.h"
#include "VtkView.h"
#include "support/DecodeMovie.h"
#include "support/TestMaps.h"
#include "support/TinyRun.h"

#include <QApplication>
#include <QComboBox>
#include <QSpinBox>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

namespace {

cryo::Volume twoBalls()
{
    cryo::Volume map = testmaps::ball(32, 6, 12, 14, 16);
    const cryo::Volume second = testmaps::ball(32, 4, 22, 20, 15);
    for (std::size_t i = 0; i < map.data.size(); ++i)
        map.data[i] = std::max(map.data[i], second.data[i]);
    return map;
}

MovieExportRequest turnRequest(const QString& path, int frames)
{
    MovieExportRequest request;
    request.path = path;
    request.frames = frames;
    request.fps = 10;
    request.style.width = 96;
    request.style.height = 64;
    request.style.background = {0, 0, 0};
    request.turnMap = twoBalls();
    return request;
}

} // namespace

class TestMovieExport : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void turnOfTheShownMap()
    {
        MainWindow window;
        window.setInteractive(false);
        window.show();
        window.showVolume(twoBalls(), "two balls");
        const QString path = m_dir.filePath("turn.gif");
        QSignalSpy ended(&window, &MainWindow::movieExportEnded);
        QVERIFY(window.movies()->exportMovie(turnRequest(path, 8)));
        QVERIFY(!window.movies()->exportMovie(turnRequest(m_dir.filePath("second.gif"), 8)));   // busy
        QVERIFY(ended.wait(30000) || ended.count() > 0);
        QCOMPARE(ended.count(), 1);
        QVERIFY2(ended.at(0).at(0).toBool(), qPrintable(ended.at(0).at(1).toString()));
        QCOMPARE(ended.at(0).at(1).toString(), path);

        const cryo::test::DecodedMovie movie = cryo::test::decodeMovie(path.toStdString());
        QCOMPARE(movie.codec, std::string("gif"));
        QCOMPARE(int(movie.frames.size()), 8);
        QCOMPARE(movie.width, 96);
        double change = 0, lit = 0;
        for (std::size_t i = 0; i < movie.frames[0].size(); ++i) {
            change += std::abs(int(movie.frames[0][i]) - int(movie.frames[2][i]));
            lit += movie.frames[0][i] > 40 ? 1 : 0;   // black background: the surface is brighter
        }
        QVERIFY2(lit / double(movie.frames[0].size()) > 0.02, qPrintable(QString::number(lit)));
        QVERIFY2(change / double(movie.frames[0].size()) > 1.0, qPrintable(QString::number(change)));
        QVERIFY(!QFile::exists(m_dir.filePath("second.gif")));
    }

    void mapsOfARun()
    {
        const QString run = makeTinyRun(m_dir.filePath("tiny"));
        MainWindow window;
        window.setInteractive(false);
        window.show();
        const QString path = m_dir.filePath("run.gif");
        MovieExportRequest request = turnRequest(path, 0);
        request.turnMap.reset();
        request.runDir = run;
        for (int frame = 0; frame < 6; ++frame)   // zdim 4: a line through z space
            for (int c = 0; c < 4; ++c)
                request.zRows.push_back(c == 0 ? -1.5f + 0.6f * float(frame) : 0.0f);
        request.preview = true;
        QSignalSpy ended(&window, &MainWindow::movieExportEnded);
        QVERIFY(window.movies()->exportMovie(request));
        QVERIFY(ended.wait(120000) || ended.count() > 0);
        QCOMPARE(ended.count(), 1);
        QVERIFY2(ended.at(0).at(0).toBool(), qPrintable(ended.at(0).at(1).toString()));
        const cryo::test::DecodedMovie movie = cryo::test::decodeMovie(path.toStdString());
        QCOMPARE(int(movie.frames.size()), 6);
        QVERIFY(!QFile::exists(path + ".part"));
    }

    void cancelLeavesNoFile()
    {
        MainWindow window;
        window.setInteractive(false);
        const QString path = m_dir.filePath("cancelled.mp4");
        QSignalSpy ended(&window, &MainWindow::movieExportEnded);
        QVERIFY(window.movies()->exportMovie(turnRequest(path, 500)));
        QSignalSpy progress(window.movies()->job(), &MovieExportJob::progress);
        QVERIFY(progress.wait(10000));
        window.movies()->job()->cancel();
        QCOMPARE(ended.count(), 1);
        QCOMPARE(ended.at(0).at(0).toBool(), false);
        QVERIFY(!QFile::exists(path) && !QFile::exists(path + ".part"));
    }

    void dialogChoices()
    {
        MovieExportDialog dialog({"trajectory", "turn", "clusters"}, 1, QColor(10, 20, 30));
        const auto frames = dialog.findChildren<QSpinBox*>();
        QCOMPARE(frames.size(), 3);   // width, height, frames of the turn
        frames[0]->setValue(641);     // odd: MP4 needs even sizes
        frames[1]->setValue(480);
        const auto combos = dialog.findChildren<QComboBox*>();
        QCOMPARE(combos.size(), 3);   // source, background, level
        combos[0]->setCurrentIndex(1);
        QVERIFY(frames[2]->isEnabled());   // the turn asks for its frame count
        combos[1]->setCurrentIndex(0);     // as in the viewer
        combos[2]->setCurrentIndex(1);     // constant enclosed volume
        dialog.setPath(m_dir.filePath("x.gif"));
        MovieExportChoices c = dialog.choices();
        QCOMPARE(c.source, 1);
        QCOMPARE(c.width, 640);
        QCOMPARE(c.height, 480);
        QCOMPARE(c.background, QColor(10, 20, 30));
        QVERIFY(c.constantVolume);
        QCOMPARE(c.path, m_dir.filePath("x.gif"));
        combos[0]->setCurrentIndex(2);
        QVERIFY(!frames[2]->isEnabled());
        combos[1]->setCurrentIndex(2);
        c = dialog.choices();
        QCOMPARE(c.background, QColor(Qt::black));
        QCOMPARE(c.source, 2);
    }

    void unreadableRunFails()
    {
        MainWindow window;
        window.setInteractive(false);
        MovieExportRequest request = turnRequest(m_dir.filePath("run.mp4"), 4);
        request.turnMap.reset();
        request.runDir = m_dir.filePath("no-such-run");
        request.zRows = {0.0f, 1.0f};
        QSignalSpy ended(&window, &MainWindow::movieExportEnded);
        QVERIFY(window.movies()->exportMovie(request));
        QCOMPARE(ended.count(), 1);
        QCOMPARE(ended.at(0).at(0).toBool(), false);
        QVERIFY2(ended.at(0).at(1).toString().contains("no-such-run"), qPrintable(ended.at(0).at(1).toString()));
        QVERIFY(!QFile::exists(m_dir.filePath("run.mp4.part")));
    }
};

int main(int argc, char** argv)
{
    QSurfaceFormat::setDefaultFormat(cryo::VtkView::surfaceFormat());
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName("CryoscapeTest");
    QCoreApplication::setApplicationName("tst_movieexport");
    TestMovieExport test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_movieexport.moc"
