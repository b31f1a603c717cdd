// Session files: a full state survives a write/read round trip; the write is atomic; a
// moved project finds its run again; invalid states are refused; damaged or foreign files
// give FileErrors naming the file and the problem.
#include "io/H5File.h"
#include "session/SessionFile.h"
#include "util/Error.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

namespace fs = std::filesystem;

namespace {

cryo::SessionState sampleState(const fs::path& run)
{
    cryo::SessionState s;
    s.run = run;
    s.selections = {{"open state", "#1f77b4", {0, 3, 17, 4095}},
                    {"junk", "#FF00aa", {}},
                    {"cluster 2", "#2ca02c", {5, 6, 7, (std::int64_t(1) << 33)}}};
    s.activeSelection = 2;
    s.panels = {{"pca:0,1", "kmeans"}, {"umap", "selection"}, {"z:2,5", "z:3"}};
    s.kmeansClusters = 20;
    s.highlightedClusters = {2, 7, 19};
    s.viewer.isoLevel = 0.0123;
    s.viewer.hasIsoLevel = true;
    s.viewer.background = "#202428";
    s.viewer.camera = {10.5, -20.25, 300, 1, 2, 3, 0, 0.6, 0.8};
    s.viewer.hasCamera = true;
    s.viewer.showOutline = false;
    s.viewer.showAxes = true;
    return s;
}

template <class E, class F>
QString errorOf(F&& f)
{
    try {
        f();
    } catch (const E& e) {
        return QString::fromStdString(e.what());
    }
    return QString();
}

} // namespace

class TestSessionFile : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    fs::path path(const std::string& name) const { return fs::path(m_dir.path().toStdString()) / name; }

private Q_SLOTS:
    void roundTrip()
    {
        fs::create_directories(path("runA"));
        const cryo::SessionState s = sampleState(path("runA"));
        cryo::writeSession(path("a.session.h5"), s);
        QVERIFY(!fs::exists(path("a.session.h5.part")));
        const cryo::SessionState r = cryo::readSession(path("a.session.h5"));
        QCOMPARE(r.run, s.run);
        QCOMPARE(r.selections.size(), s.selections.size());
        for (std::size_t i = 0; i < s.selections.size(); ++i) {
            QCOMPARE(r.selections[i].name, s.selections[i].name);
            QCOMPARE(r.selections[i].colour, s.selections[i].colour);
            QCOMPARE(r.selections[i].indices, s.selections[i].indices);
        }
        QCOMPARE(r.activeSelection, 2);
        QCOMPARE(r.panels.size(), s.panels.size());
        for (std::size_t i = 0; i < s.panels.size(); ++i) {
            QCOMPARE(r.panels[i].embedding, s.panels[i].embedding);
            QCOMPARE(r.panels[i].colourMode, s.panels[i].colourMode);
        }
        QCOMPARE(r.kmeansClusters, 20);
        QCOMPARE(r.highlightedClusters, s.highlightedClusters);
        QCOMPARE(r.viewer.isoLevel, s.viewer.isoLevel);
        QVERIFY(r.viewer.hasIsoLevel && r.viewer.hasCamera && !r.viewer.showOutline && r.viewer.showAxes);
        QCOMPARE(r.viewer.background, s.viewer.background);
        QCOMPARE(r.viewer.camera, s.viewer.camera);
    }

    void emptyStateRoundTrip()
    {
        cryo::SessionState s;
        s.run = "/nowhere/run";
        cryo::writeSession(path("empty.h5"), s);
        const cryo::SessionState r = cryo::readSession(path("empty.h5"));
        QCOMPARE(r.run, s.run);
        QVERIFY(r.selections.empty() && r.panels.empty() && r.highlightedClusters.empty());
        QCOMPARE(r.activeSelection, -1);
        QVERIFY(!r.viewer.hasCamera && !r.viewer.hasIsoLevel && r.viewer.showOutline);
    }

    void movedProjectFindsItsRun()
    {
        fs::create_directories(path("proj/run1"));
        cryo::writeSession(path("proj/s.h5"), sampleState(path("proj/run1")));
        fs::rename(path("proj"), path("moved"));
        const cryo::SessionState r = cryo::readSession(path("moved/s.h5"));
        QCOMPARE(r.run, path("moved/run1"));
    }

    void overwriteKeepsOldFileOnInvalidState()
    {
        cryo::writeSession(path("keep.h5"), sampleState("/r"));
        cryo::SessionState bad = sampleState("/r");
        bad.selections[0].indices = {3, 2};
        QVERIFY(errorOf<cryo::UsageError>([&] { cryo::writeSession(path("keep.h5"), bad); }).contains("not sorted"));
        QCOMPARE(cryo::readSession(path("keep.h5")).selections[0].indices, (std::vector<std::int64_t>{0, 3, 17, 4095}));
    }

    void invalidStates_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("expected");
        QTest::newRow("colour") << 0 << "colour 'red' is not #RRGGBB";
        QTest::newRow("negative index") << 1 << "negative index";
        QTest::newRow("no name") << 2 << "has no name";
        QTest::newRow("active") << 3 << "active selection 3 out of range";
        QTest::newRow("background") << 4 << "background colour";
    }
    void invalidStates()
    {
        QFETCH(int, which);
        QFETCH(QString, expected);
        cryo::SessionState s = sampleState("/r");
        switch (which) {
        case 0: s.selections[1].colour = "red"; break;
        case 1: s.selections[0].indices = {-1, 2}; break;
        case 2: s.selections[2].name.clear(); break;
        case 3: s.activeSelection = 3; break;
        default: s.viewer.background = "#12345"; break;
        }
        const QString error = errorOf<cryo::UsageError>([&] { cryo::writeSession(path("invalid.h5"), s); });
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY(!fs::exists(path("invalid.h5")) && !fs::exists(path("invalid.h5.part")));
    }

    void damagedFiles_data()
    {
        QTest::addColumn<int>("damage");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not HDF5") << 0 << "cannot open as an HDF5 file";
        QTest::newRow("truncated") << 1 << "cannot open as an HDF5 file";
        QTest::newRow("foreign HDF5") << 2 << "not a Cryoscape session file";
        QTest::newRow("newer version") << 3 << "session version 7 is newer";
        QTest::newRow("unsorted indices") << 4 << "/selections/0001/indices: indices not sorted";
        QTest::newRow("bad camera") << 5 << "/viewer/camera has 4 values";
        QTest::newRow("missing selection") << 6 << "/selections: bad count";
        QTest::newRow("missing") << 7 << "cannot open";
    }
    void damagedFiles()
    {
        QFETCH(int, damage);
        QFETCH(QString, expected);
        const fs::path file = path("damaged.h5");
        fs::remove(file);
        if (damage == 0) {
            std::ofstream(file) << "this is not a session\n";
        } else if (damage == 2) {
            cryo::H5File f(file, cryo::H5File::Mode::Create);
            f.setAttribute("/", "format", std::string("cryoscape-run"));
        } else if (damage != 7) {
            cryo::writeSession(file, sampleState("/r"));
            if (damage == 1) {
                fs::resize_file(file, fs::file_size(file) / 2);
            } else {
                cryo::H5File f(file, cryo::H5File::Mode::ReadWrite);
                if (damage == 3)
                    f.setAttribute("/", "version", 7.0);
                if (damage == 4)
                    f.write<std::int64_t>("/selections/0001/indices", std::vector<std::int64_t>{4, 1}, {2});
                if (damage == 5)
                    f.write<double>("/viewer/camera", std::vector<double>{1, 2, 3, 4}, {4});
                if (damage == 6)
                    f.setAttribute("/selections", "count", -1.0);
            }
        }
        const QString error = errorOf<cryo::FileError>([&] { cryo::readSession(file); });
        QVERIFY2(error.contains(expected) && error.contains("damaged.h5"), qPrintable(error));
    }

    void autosavePaths()
    {
        QCOMPARE(cryo::autosavePath("/p/a.session.h5"), fs::path("/p/a.session.h5.autosave"));
        QCOMPARE(cryo::autosavePathForRun("/runs/r1"), fs::path("/runs/r1/session.autosave.h5"));
    }
};

QTEST_GUILESS_MAIN(TestSessionFile)
#include "tst_sessionfile.moc"
