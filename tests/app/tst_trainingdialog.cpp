// The training dialog: defaults, the dataset summary and the proposed run directory,
// "Homogeneous" disabling the latent settings, the mapping of every field to
// TrainingOptions, bad values rejected with a message, and Resume offered for an
// existing run; the "Poses" box (ab initio preselected for a file without poses, its
// fields mapped to TrainingOptions::abInitioOptions, a reopened ab initio run shown as one).
#include "AbInitioSettings.h"
#include "TrainingDialog.h"
#include "run/RunFile.h"
#include "images/ImageMemory.h"
#include "train/AbInitioState.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QToolButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

class TestTrainingDialog : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_stack;

    template <typename T>
    static T* field(TrainingDialog& d, const char* name)
    {
        T* w = d.findChild<T*>(QString::fromLatin1(name));
        if (!w)
            qFatal("no field %s", name);
        return w;
    }

    void makeRun(const QString& dir, int epochsDone, const cryo::AbInitioOptions* abInitio = nullptr,
                 double learningRate = 5e-5)
    {
        QDir().mkpath(dir);
        cryo::H5File file(QDir(dir).filePath("run.h5").toStdString(), cryo::H5File::Mode::Create);
        file.setAttribute("/", "format", std::string("cryoscape-run"));
        file.setAttribute("/", "version", 1.0);
        cryo::RunConfig config;
        config.particles = m_stack.toStdString();
        config.particleCount = 100;
        config.boxSize = 64;
        config.pixelSize = 1.0;
        config.model.zdim = 3;
        config.model.decoderWidth = 512;
        config.epochs = 30;
        config.batchSize = 16;
        config.learningRate = learningRate;
        config.beta = 0.02;
        config.precision = "bf16";
        cryo::writeRunConfig(file, config);
        std::vector<cryo::EpochRecord> history;
        for (int e = 1; e <= epochsDone; ++e)
            history.push_back({e, 1.0 / e, 0.5, 3, 1, 100});
        cryo::writeHistory(file, history);
        if (abInitio)
            cryo::writeAbInitioRecord(file, {*abInitio, cryo::resolvedResetEpoch(*abInitio, config.epochs)});
        file.close();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_stack = m_dir.filePath("hand.mrcs");
        QVERIFY(QFile::copy(QStringLiteral(CRYOSCAPE_FIXTURES_DIR "/hand.mrcs"), m_stack));
    }

    void defaults()
    {
        TrainingDialog d;
        const cryo::TrainingOptions o = d.options();
        QCOMPARE(o.config.model.zdim, 8);
        QCOMPARE(o.config.model.encoderWidth, 256);
        QCOMPARE(o.config.model.encoderLayers, 3);
        QCOMPARE(o.config.model.decoderWidth, 256);
        QCOMPARE(o.config.model.decoderLayers, 3);
        QCOMPARE(o.config.epochs, 20);
        QCOMPARE(o.config.batchSize, 8);
        QCOMPARE(o.config.learningRate, 4e-4);
        QVERIFY(o.config.beta < 0);                   // automatic: 1/zdim
        QCOMPARE(o.config.effectiveBeta(), 0.125);
        QCOMPARE(o.config.precision, std::string("fp32"));
        QCOMPARE(o.config.model.encoderFrame, std::string("canonical"));
        // The defaults are shown, with why (issue #23).
        const QString note = field<QLabel>(d, "defaultsNote")->text();
        QVERIFY2(note.contains(QStringLiteral("256×3")) && note.contains(QStringLiteral("batch 8")) &&
                     note.contains(QStringLiteral("4e-4")) && note.contains(QStringLiteral("Why:")),
                 qPrintable(note));
        QCOMPARE(o.threads, std::max(1, QThread::idealThreadCount() - 1));   // a core left to the GUI
        QVERIFY(!o.resume);
        QVERIFY(!d.validationError().isEmpty());       // no particles chosen yet
        for (QWidget* w : d.findChildren<QWidget*>())
            if (!w->objectName().isEmpty() && !w->objectName().startsWith(QStringLiteral("qt_")))
                QVERIFY2(!w->toolTip().isEmpty(), qPrintable(w->objectName()));
    }

    // The wrapped notes make the form's height depend on its width, which the window's minimum
    // size does not follow: shown with particles chosen, no group may get less than its minimum
    // (the pose options were squeezed into a sliver).
    void shownDialogFitsItsContent()
    {
        TrainingDialog d;
        d.setParticles(m_stack);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        auto* poses = d.findChild<AbInitioSettings*>();
        QVERIFY(poses);
        qInfo("pose options %d px high, at least %d needed; dialog %d px", poses->height(),
              poses->minimumSizeHint().height(), d.height());
        QVERIFY(poses->height() >= poses->minimumSizeHint().height());
    }

    void particlesFillSummaryAndOutputDirectory()
    {
        TrainingDialog d;
        d.setParticles(m_stack);
        QVERIFY2(d.datasetText().contains(QStringLiteral("100 particles")), qPrintable(d.datasetText()));
        QVERIFY(d.datasetText().contains(QStringLiteral("box 64 px")));
        const QString runs = QDir(m_dir.path()).filePath("cryoscape_runs/");
        QCOMPARE(field<QLineEdit>(d, "outDir")->text(), runs + "hand_z8");
        field<QSpinBox>(d, "zdim")->setValue(4);
        QCOMPARE(field<QLineEdit>(d, "outDir")->text(), runs + "hand_z4");
        QCOMPARE(field<QLineEdit>(d, "beta")->text(), QStringLiteral("0.25"));   // automatic β shown
        QVERIFY(!field<QLineEdit>(d, "beta")->isEnabled());
        QVERIFY2(d.validationError().isEmpty(), qPrintable(d.validationError()));
        const cryo::TrainingOptions o = d.options();
        QCOMPARE(o.config.particleCount, std::size_t(100));
        QCOMPARE(o.config.boxSize, 64);
        QCOMPARE(QString::fromStdString(o.particles.string()), QFileInfo(m_stack).absoluteFilePath());
        if (const QString shots = qEnvironmentVariable("CRYOSCAPE_SCREENSHOT_DIR"); !shots.isEmpty()) {
            d.adjustSize();
            QVERIFY(d.grab().save(QDir(shots).filePath("training-dialog.png")));
        }
        // A directory the user chose is kept when the model changes.
        field<QLineEdit>(d, "outDir")->setText(m_dir.filePath("mine"));
        d.setOutputDirectory(m_dir.filePath("mine"));
        field<QSpinBox>(d, "zdim")->setValue(2);
        QCOMPARE(field<QLineEdit>(d, "outDir")->text(), m_dir.filePath("mine"));
    }

    void badParticleFileShownInline()
    {
        const QString bad = m_dir.filePath("broken.star");
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("data_particles\nloop_\n_rlnImageName #1\n_rlnDefocusU #2\n1@a.mrcs\n");
        f.close();
        TrainingDialog d;
        d.setParticles(bad);   // must not throw
        QVERIFY(!d.validationError().isEmpty());
        QVERIFY2(d.datasetText().contains(QStringLiteral("broken.star")), qPrintable(d.datasetText()));
        d.accept();
        QVERIFY(d.result() != QDialog::Accepted);
        QVERIFY(!d.errorText().isEmpty());
    }

    void homogeneousDisablesLatentSettings()
    {
        TrainingDialog d;
        d.setParticles(m_stack);
        field<QCheckBox>(d, "homogeneous")->setChecked(true);
        QVERIFY(!field<QSpinBox>(d, "zdim")->isEnabled());
        QVERIFY(!field<QSpinBox>(d, "encoderWidth")->isEnabled());
        QVERIFY(!field<QSpinBox>(d, "encoderLayers")->isEnabled());
        QVERIFY(!field<QCheckBox>(d, "betaAuto")->isEnabled());
        QVERIFY(field<QSpinBox>(d, "decoderWidth")->isEnabled());
        QCOMPARE(d.options().config.model.zdim, 0);
        QVERIFY(d.options().config.model.homogeneous());
        QVERIFY(field<QLineEdit>(d, "outDir")->text().endsWith(QStringLiteral("hand_homogeneous")));
        field<QCheckBox>(d, "homogeneous")->setChecked(false);
        QVERIFY(field<QSpinBox>(d, "zdim")->isEnabled());
        QCOMPARE(d.options().config.model.zdim, 8);
    }

    void fieldsMapToOptions()
    {
        TrainingDialog d;
        d.setParticles(m_stack);
        field<QSpinBox>(d, "zdim")->setValue(3);
        field<QSpinBox>(d, "encoderWidth")->setValue(128);
        field<QSpinBox>(d, "encoderLayers")->setValue(2);
        field<QSpinBox>(d, "decoderWidth")->setValue(512);
        field<QSpinBox>(d, "decoderLayers")->setValue(4);
        field<QSpinBox>(d, "epochs")->setValue(7);
        field<QSpinBox>(d, "batch")->setValue(16);
        field<QLineEdit>(d, "learningRate")->setText(QStringLiteral("5e-5"));
        field<QCheckBox>(d, "betaAuto")->setChecked(false);
        field<QLineEdit>(d, "beta")->setText(QStringLiteral("0.01"));
        field<QSpinBox>(d, "seed")->setValue(42);
        field<QLineEdit>(d, "dataDirectory")->setText(m_dir.path());
        field<QSpinBox>(d, "threads")->setValue(1);
        field<QComboBox>(d, "precision")->setCurrentIndex(1);
        QCOMPARE(field<QDoubleSpinBox>(d, "imageMemory")->value(),   // a quarter of the RAM by default
                 std::round(10 * double(cryo::defaultMemoryBoundBytes()) / double(1 << 30)) / 10);
        field<QDoubleSpinBox>(d, "imageMemory")->setValue(0.5);
        QVERIFY2(d.validationError().isEmpty(), qPrintable(d.validationError()));
        const cryo::TrainingOptions o = d.options();
        QCOMPARE(o.config.model.zdim, 3);
        QCOMPARE(o.config.model.encoderWidth, 128);
        QCOMPARE(o.config.model.encoderLayers, 2);
        QCOMPARE(o.config.model.decoderWidth, 512);
        QCOMPARE(o.config.model.decoderLayers, 4);
        QCOMPARE(o.config.epochs, 7);
        QCOMPARE(o.config.batchSize, 16);
        QCOMPARE(o.config.learningRate, 5e-5);
        QCOMPARE(o.config.beta, 0.01);
        QCOMPARE(o.config.seed, std::uint64_t(42));
        QCOMPARE(QString::fromStdString(o.dataset.dataDirectory.string()), QFileInfo(m_dir.path()).absoluteFilePath());
        QCOMPARE(o.config.dataDirectory, o.dataset.dataDirectory);
        QCOMPARE(o.threads, 1);
        QCOMPARE(o.config.precision, std::string("bf16"));
        QCOMPARE(o.memoryLimitBytes, std::size_t(1) << 29);
        QVERIFY(o.outDir.is_absolute());
        QVERIFY(o.outDir.string().ends_with("hand_z3"));
        d.accept();
        QCOMPARE(d.result(), int(QDialog::Accepted));
        QVERIFY(!d.resumeChosen());
    }

    void badValuesRejected_data()
    {
        QTest::addColumn<QString>("fieldName");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("lr not a number") << "learningRate" << "fast" << "learning rate";
        QTest::newRow("lr zero") << "learningRate" << "0" << "learning rate";
        QTest::newRow("lr negative") << "learningRate" << "-1e-3" << "learning rate";
        QTest::newRow("lr above 1") << "learningRate" << "2" << "learning rate";
        QTest::newRow("beta negative") << "beta" << "-0.5" << "β";
        QTest::newRow("beta not a number") << "beta" << "x" << "β";
        QTest::newRow("no particles") << "particles" << "" << "particle file";
        QTest::newRow("missing particles") << "particles" << "/nonexistent/p.star" << "does not exist";
        QTest::newRow("no output") << "outDir" << "" << "output directory";
        QTest::newRow("missing image directory") << "dataDirectory" << "/nonexistent/stacks" << "image directory";
        QTest::newRow("output is a file") << "outDir" << "STACK" << "is a file";
        QTest::newRow("batch above particles") << "batch" << "200" << "batch size";
    }

    void badValuesRejected()
    {
        QFETCH(QString, fieldName);
        QFETCH(QString, value);
        QFETCH(QString, message);
        TrainingDialog d;
        d.setParticles(m_stack);
        field<QCheckBox>(d, "betaAuto")->setChecked(false);
        QVERIFY2(d.validationError().isEmpty(), qPrintable(d.validationError()));
        if (fieldName == "batch")
            field<QSpinBox>(d, "batch")->setValue(value.toInt());
        else if (fieldName == "particles")
            d.setParticles(value);
        else
            field<QLineEdit>(d, qPrintable(fieldName))->setText(value == "STACK" ? m_stack : value);
        const QString error = d.validationError();
        QVERIFY2(error.contains(message, Qt::CaseInsensitive), qPrintable(error));
        d.accept();
        QVERIFY(d.result() != QDialog::Accepted);
        QCOMPARE(d.errorText(), error);
    }

    void existingRunOffersResume()
    {
        const QString run = m_dir.filePath("existing_run");
        makeRun(run, 3);
        TrainingDialog d;
        d.setParticles(m_stack);
        QVERIFY(!field<QPushButton>(d, "resume")->isVisibleTo(&d));
        d.setOutputDirectory(run);
        QVERIFY(d.hasExistingRun());
        QVERIFY(field<QPushButton>(d, "resume")->isVisibleTo(&d));
        QString notes;
        for (QLabel* l : d.findChildren<QLabel*>())
            notes += l->text() + QLatin1Char('\n');
        QVERIFY2(notes.contains(QStringLiteral("epoch 3 of 30")), qPrintable(notes));
        // The fields show the run's settings, so Resume continues the same model.
        const cryo::TrainingOptions shown = d.options();
        QCOMPARE(shown.config.model.zdim, 3);
        QCOMPARE(shown.config.model.decoderWidth, 512);
        QCOMPARE(shown.config.epochs, 30);
        QCOMPARE(shown.config.batchSize, 16);
        QCOMPARE(shown.config.learningRate, 5e-5);
        QCOMPARE(field<QLineEdit>(d, "learningRate")->text(), QStringLiteral("5e-5"));   // as a new dialog writes 4e-4
        QCOMPARE(shown.config.beta, 0.02);
        QCOMPARE(shown.config.precision, std::string("bf16"));
        QCOMPARE(field<QLineEdit>(d, "outDir")->text(), run);   // not moved by the run's zdim
        d.acceptResume();
        QCOMPARE(d.result(), int(QDialog::Accepted));
        QVERIFY(d.resumeChosen());
        QVERIFY(d.options().resume);
        QCOMPARE(QString::fromStdString(d.options().outDir.string()), run);

        TrainingDialog again;
        again.setParticles(m_stack);
        again.setOutputDirectory(run);
        again.setConfirmReplace(false);
        again.accept();
        QCOMPARE(again.result(), int(QDialog::Accepted));
        QVERIFY(!again.options().resume);
    }

    void resumeWithoutRunRefused()
    {
        TrainingDialog d;
        d.setParticles(m_stack);
        d.setOutputDirectory(m_dir.filePath("no_run_here"));
        d.acceptResume();
        QVERIFY(d.result() != QDialog::Accepted);
        QVERIFY(d.errorText().contains(QStringLiteral("no run to resume")));
    }

    void posesChoiceFollowsTheParticleFile()
    {
        TrainingDialog d;
        QVERIFY(field<QRadioButton>(d, "posesFromFile")->isChecked());   // nothing known yet
        QVERIFY(!d.options().abInitio);
        QVERIFY(!field<QSpinBox>(d, "searchEvery")->isEnabled());
        d.setParticles(m_stack);   // a bare stack: no poses
        auto* settings = d.findChild<AbInitioSettings*>();
        QVERIFY(settings);
        QVERIFY(field<QRadioButton>(d, "posesAbInitio")->isChecked());
        QVERIFY(!field<QRadioButton>(d, "posesFromFile")->isEnabled());
        QVERIFY2(settings->noteText().contains(QStringLiteral("no poses")), qPrintable(settings->noteText()));
        QVERIFY(field<QSpinBox>(d, "searchEvery")->isEnabled());
        QVERIFY(d.options().abInitio);
        // Ab initio proposes its own learning rate (the field showed the default for given poses).
        QCOMPARE(field<QLineEdit>(d, "learningRate")->text(), QStringLiteral("1e-3"));
        QCOMPARE(d.options().config.learningRate, cryo::kAbInitioLearningRate);
        if (const QString shots = qEnvironmentVariable("CRYOSCAPE_SCREENSHOT_DIR"); !shots.isEmpty()) {
            field<QToolButton>(d, "abInitioAdvanced")->setChecked(true);
            d.adjustSize();
            QVERIFY(d.grab().save(QDir(shots).filePath("training-dialog-abinitio.png")));
        }
        // A refined .star has poses: they are used unless the user asks for a search.
        d.setParticles(QStringLiteral(CRYOSCAPE_FIXTURES_DIR "/relion31.star"));
        QVERIFY(field<QRadioButton>(d, "posesFromFile")->isEnabled());
        QVERIFY(field<QRadioButton>(d, "posesFromFile")->isChecked());
        QVERIFY(settings->noteText().isEmpty());
        QVERIFY(!d.options().abInitio);
        QCOMPARE(d.options().config.learningRate, 4e-4);   // back to the rate for given poses
        field<QRadioButton>(d, "posesAbInitio")->setChecked(true);
        QVERIFY(d.options().abInitio);
        d.setParticles(m_stack);
        d.setParticles(QStringLiteral(CRYOSCAPE_FIXTURES_DIR "/relion31.star"));
        QVERIFY(d.options().abInitio);   // the user's choice is kept
        // A rate the user typed is never replaced.
        field<QLineEdit>(d, "learningRate")->setText(QStringLiteral("5e-4"));
        field<QRadioButton>(d, "posesFromFile")->setChecked(true);
        QCOMPARE(d.options().config.learningRate, 5e-4);
        field<QRadioButton>(d, "posesAbInitio")->setChecked(true);
        QCOMPARE(d.options().config.learningRate, 5e-4);
    }

    void abInitioFieldsMapToOptions_data()
    {
        QTest::addColumn<int>("searchEvery");
        QTest::addColumn<bool>("resetAuto");
        QTest::addColumn<int>("resetAfter");
        QTest::addColumn<int>("baseResolution");
        QTest::addColumn<int>("searchChunk");
        QTest::addColumn<int>("latentVolumes");
        QTest::addColumn<int>("expectedReset");
        QTest::newRow("defaults") << 1 << true << 0 << 2 << 128 << 8 << -1;
        QTest::newRow("reset after 4") << 3 << false << 4 << 1 << 64 << 4 << 4;
        QTest::newRow("never reset") << 1 << false << 0 << 3 << 500 << 16 << 0;
    }

    void abInitioFieldsMapToOptions()
    {
        QFETCH(int, searchEvery);
        QFETCH(bool, resetAuto);
        QFETCH(int, resetAfter);
        QFETCH(int, baseResolution);
        QFETCH(int, searchChunk);
        QFETCH(int, latentVolumes);
        QFETCH(int, expectedReset);
        TrainingDialog d;
        d.setParticles(m_stack);
        field<QSpinBox>(d, "searchEvery")->setValue(searchEvery);
        field<QCheckBox>(d, "resetAuto")->setChecked(resetAuto);
        QCOMPARE(field<QSpinBox>(d, "resetAfter")->isEnabled(), !resetAuto);
        field<QSpinBox>(d, "resetAfter")->setValue(resetAfter);
        field<QSpinBox>(d, "baseResolution")->setValue(baseResolution);
        field<QSpinBox>(d, "searchChunk")->setValue(searchChunk);
        field<QSpinBox>(d, "latentVolumes")->setValue(latentVolumes);
        const cryo::TrainingOptions o = d.options();
        QVERIFY(o.abInitio);
        QCOMPARE(o.abInitioOptions.searchEvery, searchEvery);
        QCOMPARE(o.abInitioOptions.resetAfterEpoch, expectedReset);
        QCOMPARE(o.abInitioOptions.baseResolution, baseResolution);
        QCOMPARE(o.abInitioOptions.searchChunk, searchChunk);
        QCOMPARE(o.abInitioOptions.latentVolumes, latentVolumes);
        const cryo::AbInitioOptions defaults;   // the settings without a field
        QCOMPARE(o.abInitioOptions.lMax, defaults.lMax);
        QCOMPARE(o.abInitioOptions.searchBatch, defaults.searchBatch);
    }

    void automaticResetShowsItsEpoch()
    {
        TrainingDialog d;
        d.setParticles(m_stack);
        QVERIFY(field<QCheckBox>(d, "resetAuto")->isChecked());
        QCOMPARE(field<QSpinBox>(d, "resetAfter")->value(), 10);   // half of the 20 epochs
        field<QSpinBox>(d, "epochs")->setValue(8);
        QCOMPARE(field<QSpinBox>(d, "resetAfter")->value(), 0);    // shown as "never": fewer than 10 epochs
        QCOMPARE(field<QSpinBox>(d, "resetAfter")->text(), QStringLiteral("never"));
        QCOMPARE(d.options().abInitioOptions.resetAfterEpoch, -1);   // still automatic
    }

    void advancedSearchFields()
    {
        TrainingDialog d;
        d.setParticles(m_stack);
        QVERIFY(!field<QSpinBox>(d, "searchChunk")->isVisibleTo(&d));   // folded under "Advanced"
        field<QToolButton>(d, "abInitioAdvanced")->setChecked(true);
        QVERIFY(field<QSpinBox>(d, "searchChunk")->isVisibleTo(&d));
        QVERIFY(field<QSpinBox>(d, "baseResolution")->isVisibleTo(&d));
        // Volumes per chunk apply to models with a latent space only.
        QVERIFY(field<QSpinBox>(d, "latentVolumes")->isEnabled());
        field<QCheckBox>(d, "homogeneous")->setChecked(true);
        QVERIFY(!field<QSpinBox>(d, "latentVolumes")->isEnabled());
        QVERIFY(field<QSpinBox>(d, "searchChunk")->isEnabled());
        field<QCheckBox>(d, "homogeneous")->setChecked(false);
        QVERIFY(field<QSpinBox>(d, "latentVolumes")->isEnabled());
    }

    void reopenedAbInitioRunShowsItsSettings()
    {
        const QString run = m_dir.filePath("abinitio_run");
        cryo::AbInitioOptions stored;
        stored.searchEvery = 3;
        stored.resetAfterEpoch = 7;
        stored.baseResolution = 1;
        stored.searchChunk = 256;
        stored.latentVolumes = 4;
        stored.lMax = 20;   // no field: kept for the resume
        makeRun(run, 2, &stored);
        TrainingDialog d;
        d.setParticles(QStringLiteral(CRYOSCAPE_FIXTURES_DIR "/relion31.star"));   // has poses
        QVERIFY(!d.options().abInitio);
        d.setOutputDirectory(run);
        const cryo::TrainingOptions o = d.options();
        QVERIFY(o.abInitio);
        QCOMPARE(o.abInitioOptions.searchEvery, 3);
        QCOMPARE(o.abInitioOptions.resetAfterEpoch, 7);
        QCOMPARE(o.abInitioOptions.baseResolution, 1);
        QCOMPARE(field<QSpinBox>(d, "searchChunk")->value(), 256);
        QCOMPARE(o.abInitioOptions.latentVolumes, 4);
        QCOMPARE(o.abInitioOptions.lMax, 20);
        QVERIFY(cryo::abInitioDifferences(stored, o.abInitioOptions).empty());   // Resume will be accepted
        QVERIFY(!field<QCheckBox>(d, "resetAuto")->isChecked());
        // An ab initio run trained at the rate for given poses shows that rate, not ab initio's default.
        const QString older = m_dir.filePath("abinitio_run_lr1e-4");
        makeRun(older, 2, &stored, 1e-4);
        TrainingDialog e;
        e.setParticles(QStringLiteral(CRYOSCAPE_FIXTURES_DIR "/relion31.star"));
        e.setOutputDirectory(older);
        QVERIFY(e.options().abInitio);
        QCOMPARE(e.options().config.learningRate, 1e-4);
    }

    void proposedDirectoryWithRunStaysPut()
    {
        const QString run = QDir(m_dir.path()).filePath("cryoscape_runs/hand_z8");
        makeRun(run, 2);   // zdim 3: showing it must not move the proposal to hand_z3
        TrainingDialog d;
        d.setParticles(m_stack);
        QCOMPARE(field<QLineEdit>(d, "outDir")->text(), run);
        QCOMPARE(field<QSpinBox>(d, "zdim")->value(), 3);
        QVERIFY(d.hasExistingRun());
        QVERIFY(QDir(run).removeRecursively());
    }
};

QTEST_MAIN(TestTrainingDialog)
#include "tst_trainingdialog.moc"
