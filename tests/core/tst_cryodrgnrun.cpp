// cryoDRGN output directories (cryodrgn/): configs of every released layout and the refusals
// of those we cannot read, epochs and their numbering, and the import into a run directory of
// ours (z, PCA, cryodrgn analyze results, particles found or remembered, --ind subsets,
// reuse while the sources are unchanged, a read-only cryoDRGN directory).
#include "cryodrgn/CryodrgnConfig.h"
#include "cryodrgn/CryodrgnImport.h"
#include "io/H5File.h"
#include "run/RunAnalyses.h"
#include "run/RunFile.h"
#include "run/RunParticles.h"
#include "support/CryodrgnFixtures.h"
#include "support/Errors.h"
#include "util/Error.h"

#include <QTemporaryDir>
#include <QtTest>

#include <chrono>
#include <thread>

using namespace cryodrgn_fixtures;

namespace {

// config.pkl of a cryoDRGN 0.3.5 run, made by Python's pickle (protocol 4): the config dict,
// whose norm std and zdim are NumPy scalars, followed by a second pickle (time, cmd, version)
// holding a datetime that a reader must never need.
const char* const kConfigPkl =
    "80049562020000000000007d94288c0c646174617365745f61726773947d94288c097061727469636c6573948c202f636c75737465722f"
    "646174612f7061727469636c65732e3132382e6d726373948c046e6f726d945d94284b008c156e756d70792e636f72652e6d756c74696172"
    "726179948c067363616c61729493948c056e756d7079948c0564747970659493948c02663494898887945294284b038c013c944e4e4e4aff"
    "ffffff4affffffff4b00749462430400409c439486945294658c0b696e766572745f6461746194888c03696e64944e8c086b656570726561"
    "6c94898c0677696e646f7794888c0764617461646972944e8c03637466948c152f636c75737465722f646174612f6374662e706b6c948c05"
    "706f736573948c162f636c75737465722f646174612f706f73652e706b6c948c0b646f5f706f73655f7367649489758c0c6c617474696365"
    "5f61726773947d94288c0144944b818c06657874656e7494473fe00000000000008c0969676e6f72655f44439488758c0a6d6f64656c5f61"
    "726773947d94288c07716c6179657273944b038c047164696d944d00018c07706c6179657273944b038c047064696d944d00018c047a6469"
    "6d946809680c8c02693894898887945294284b0368104e4e4e4affffffff4affffffff4b007494624308080000000000000094869452948c"
    "0b656e636f64655f6d6f6465948c057265736964948c08656e635f6d61736b944b408c0770655f74797065948c0967656f6d5f6c6f776694"
    "8c0670655f64696d944e8c06646f6d61696e948c07666f7572696572948c0a61637469766174696f6e948c0472656c7594758c0473656564"
    "944d3930752e80049568000000000000007d94288c0474696d65948c086461746574696d65948c086461746574696d65949394430a07e603"
    "010c000000000094859452948c03636d64945d94288c086372796f6472676e948c09747261696e5f76616594658c0776657273696f6e948c"
    "05302e332e3594752e";

// A config.yaml as cryoDRGN 3.4 writes it (yaml.dump: sorted keys, timestamp, cmd list, tilt_params).
const char* const kConfig34 = R"(cmd:
- /opt/conda/bin/cryodrgn
- train_vae
- /data/particles.128.mrcs
dataset_args:
  ctf: /data/ctf.pkl
  datadir: null
  do_pose_sgd: false
  ind: null
  invert_data: true
  keepreal: false
  norm:
  - 0.0
  - 312.5
  particles: /data/particles.128.mrcs
  poses: /data/pose.pkl
  window: true
  window_r: 0.85
lattice_args:
  D: 129
  extent: 0.5
  ignore_DC: true
model_args:
  activation: leaky_relu
  domain: hartley
  enc_mask: 64
  encode_mode: resid
  feat_sigma: 0.5
  pdim: 1024
  pe_dim: null
  pe_type: gaussian
  players: 3
  qdim: 1024
  qlayers: 3
  tilt_params:
    ntilts: 10
    t_emb_dim: 64
    tdim: 1024
    tlayers: 3
  zdim: 8
seed: 1234
time: 2024-09-11 10:00:00.123456
version: 3.4.0
)";

void write(const fs::path& path, const std::string& text) { writeFile(path, text); }

} // namespace

class TestCryodrgnRun : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    fs::path path(const char* name) const { return fs::path(m_dir.path().toStdString()) / name; }

private Q_SLOTS:
    void fixtureConfigs()
    {
        const cryo::CryodrgnConfig het = cryo::readCryodrgnConfig(kExternal / "het_config.yaml");
        QCOMPARE(het.latticeSize, 65);
        QCOMPARE(het.boxSize(), 64);
        QCOMPARE(het.zdim, 8);
        QVERIFY(het.model == cryo::CryodrgnModel::Vae);
        QCOMPARE(het.domain, std::string("hartley"));
        QCOMPARE(het.encoding, std::string("gaussian"));
        QCOMPARE(het.encodingDim, 8);
        QCOMPARE(het.decoderLayers, 3);
        QCOMPARE(het.norm[1], 94.4266);
        QCOMPARE(het.particles.string(), std::string("testing/data/hand.mrcs"));
        const cryo::CryodrgnConfig f = cryo::readCryodrgnConfig(kEval / "fourier_config.yaml");
        QCOMPARE(f.domain, std::string("fourier"));
        QCOMPARE(f.encoding, std::string("geom_lowf"));
        QCOMPARE(f.encodingDim, 0);   // null: D/2
        QCOMPARE(f.zdim, 4);
        QCOMPARE(f.latticeSize, 33);
    }

    void releasedLayouts()
    {
        write(path("config.yaml"), kConfig34);
        const cryo::CryodrgnConfig c34 = cryo::readCryodrgnConfig(path("config.yaml"));
        QCOMPARE(c34.version, std::string("3.4.0"));
        QCOMPARE(c34.activation, std::string("leaky_relu"));
        QCOMPARE(c34.decoderWidth, 1024);
        QCOMPARE(c34.poses.string(), std::string("/data/pose.pkl"));
        // cryoDRGN <= 2.2: config.pkl with NumPy scalars; the second pickle (a datetime) is never read.
        write(path("config.pkl"), QByteArray::fromHex(kConfigPkl).toStdString());
        const cryo::CryodrgnConfig c035 = cryo::readCryodrgnConfig(path("config.pkl"));
        QCOMPARE(c035.zdim, 8);
        QCOMPARE(c035.norm[1], 312.5);
        QCOMPARE(c035.latticeSize, 129);
        QCOMPARE(c035.domain, std::string("fourier"));
        // train_nn (no zdim, layers/dim) and abinit_homo (decoder sizes under qlayers/qdim).
        write(path("nn.yaml"), "dataset_args: {norm: [0.0, 2.0]}\nlattice_args: {D: 33}\n"
                               "model_args: {layers: 3, dim: 256, pe_type: geom_lowf, domain: fourier}\n");
        const cryo::CryodrgnConfig nn = cryo::readCryodrgnConfig(path("nn.yaml"));
        QVERIFY(nn.model == cryo::CryodrgnModel::Decoder && nn.zdim == 0 && nn.decoderWidth == 256);
        write(path("homo.yaml"), "dataset_args: {norm: [0.0, 2.0]}\nlattice_args: {D: 33}\n"
                                 "model_args: {qlayers: 2, qdim: 64, pe_type: gaussian, domain: hartley}\n");
        const cryo::CryodrgnConfig homo = cryo::readCryodrgnConfig(path("homo.yaml"));
        QVERIFY(homo.model == cryo::CryodrgnModel::Decoder && homo.decoderLayers == 2 && homo.decoderWidth == 64);
    }

    void refusedLayouts_data()
    {
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<QString>("expected");
        const QString nested = "dataset_args: {norm: [0.0, 2.0]}\nlattice_args: {D: 33}\nmodel_args: {players: 3, pdim: 8, zdim: 2%1}\n";
        QTest::newRow("4.0 flat") << "outdir: /o\nmodel: hps\nz_dim: 8\nD: 129\n" << "flat configuration";
        QTest::newRow("4.1 train_args") << nested.arg("") + "train_args: {num_epochs: 3}\n" << "4.1 development line";
        QTest::newRow("4.2 pre-release abinit") << "training: {zdim: 2}\ndata_norm_mean: 0.0\ndata_norm_std: 3.0\n" << "4.2 pre-releases";
        QTest::newRow("not a config") << "a: 1\n" << "not a cryoDRGN training configuration";
        QTest::newRow("even lattice") << "lattice_args: {D: 64}\nmodel_args: {zdim: 1}\n" << "lattice_args.D = 64";
        QTest::newRow("no norm") << "lattice_args: {D: 33}\nmodel_args: {players: 3, zdim: 2}\n" << "dataset_args.norm is missing";
        QTest::newRow("python object") << nested.arg(", domain: !!python/object/apply:os.system [echo hi]")
                                       << "tag 'tag:yaml.org,2002:python/object/apply:os.system'";
        QTest::newRow("bad domain") << nested.arg(", domain: real") << "neither fourier nor hartley";
        QTest::newRow("tilt") << nested.arg(", encode_mode: tilt") << "tilt-series";
        QTest::newRow("not yaml") << "model_args: [unclosed\n" << "not valid YAML";
        // A "billion laughs": aliases that would expand to 10^9 values.
        QString laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
        for (char c = 'b'; c <= 'i'; ++c)
            laughs += QString("%1: &%1 [*%2, *%2, *%2, *%2, *%2, *%2, *%2, *%2, *%2, *%2]\n").arg(c).arg(QChar(c - 1));
        QTest::newRow("billion laughs") << laughs << "aliases repeated too often";
        QTest::newRow("deep nesting") << QString(100000, '[') << "config.yaml";
    }
    void refusedLayouts()
    {
        QFETCH(QString, yaml);
        QFETCH(QString, expected);
        write(path("config.yaml"), yaml.toStdString());
        const QString error = errorOf([&] { cryo::readCryodrgnConfig(path("config.yaml")); });
        QVERIFY2(error.contains("config.yaml") && error.contains(expected), qPrintable(error));
    }

    void epochsAndTheirNumbers()
    {
        const fs::path run = path("epochs");
        for (int n : {0, 1, 2})
            makeHetRun(run, n, 10);
        cryo::CryodrgnRun r = cryo::openCryodrgnRun(run);
        QCOMPARE(r.epochs.size(), std::size_t(3));
        QCOMPARE(r.epoch().number, 2);
        QCOMPARE(r.epoch(1).weights.filename().string(), std::string("weights.1.pkl"));
        QVERIFY(errorOf([&] { r.epoch(7); }).contains("no epoch 7 (epochs with weights and z: 0, 1, 2)"));
        // The final weights.pkl / z.pkl join as the epoch they hold (npscalar_weights: 3).
        fs::copy_file(kEval / "npscalar_weights.pkl", run / "weights.pkl");
        fs::copy_file(run / "z.2.pkl", run / "z.pkl");
        r = cryo::openCryodrgnRun(run);
        QCOMPARE(r.epoch().number, 3);
        QCOMPARE(r.epoch().weights.filename().string(), std::string("weights.pkl"));
        // A weights file without its z is not an epoch of a heterogeneous run.
        fs::remove(run / "z.1.pkl");
        r = cryo::openCryodrgnRun(run);
        QCOMPARE(r.epochs.size(), std::size_t(3));
        QVERIFY(!cryo::isCryodrgnRunDirectory(kExternal));
        QVERIFY(cryo::isCryodrgnRunDirectory(run));
        // Opened by a relative name, the run still names its files absolutely (the import
        // records them, and a later open from another folder must find them).
        const fs::path before = fs::current_path();
        fs::current_path(run.parent_path());
        r = cryo::openCryodrgnRun(run.filename());
        fs::current_path(before);
        QVERIFY2(r.config.file.is_absolute(), r.config.file.c_str());
        QVERIFY(r.epoch().weights.is_absolute());
    }

    void importMakesARunOfOurs()
    {
        const fs::path run = path("import");
        fs::create_directories(run / "analyze.5" / "kmeans20");
        const std::vector<float> mu = makeHetRun(run, 5, 100);
        // cryodrgn analyze results: UMAP, and k-means with on-data centres.
        std::vector<float> umap(200);
        for (std::size_t i = 0; i < umap.size(); ++i)
            umap[i] = float(i) / 10;
        write(run / "analyze.5" / "umap.pkl", pickledFloats(umap, 100, 2));
        std::vector<std::int64_t> labels(100);
        std::string centers, centerRows;
        for (std::size_t i = 0; i < labels.size(); ++i)
            labels[i] = std::int64_t(i % 20);
        for (int k = 0; k < 20; ++k) {
            for (int d = 0; d < 8; ++d)
                centers += std::to_string(mu[std::size_t(k) * 8 + std::size_t(d)]) + (d < 7 ? " " : "\n");
            centerRows += std::to_string(k) + "\n";
        }
        write(run / "analyze.5" / "kmeans20" / "labels.pkl", cryo::pickledIndexArray(labels));
        write(run / "analyze.5" / "kmeans20" / "centers.txt", centers);
        write(run / "analyze.5" / "kmeans20" / "centers_ind.txt", centerRows);

        const cryo::CryodrgnImport import = cryo::importCryodrgnRun(run);
        QCOMPARE(import.runDirectory, fs::absolute(run / "cryoscape" / "epoch_5").lexically_normal());
        QVERIFY(!import.reused);
        const cryo::H5File file(import.runDirectory / "run.h5", cryo::H5File::Mode::ReadOnly);
        const cryo::RunConfig config = cryo::readRunConfig(file);
        QVERIFY(config.importedFromCryodrgn());
        QCOMPARE(config.cryodrgnEpoch, 5);
        QCOMPARE(config.boxSize, 64);
        QCOMPARE(config.model.zdim, 8);
        QCOMPARE(config.particleCount, std::size_t(100));
        QCOMPARE(config.hartleyStd, 94.4266);
        QCOMPARE(config.pixelSize, 1.0);   // no ctf.pkl, no particles: 1 Å/px, and a note says so
        QCOMPARE(cryo::readLatents(file).mu, mu);
        QCOMPARE(cryo::readPca(file)->count, std::size_t(100));
        QCOMPARE(cryo::readUmap(file)->coordinates, umap);
        QCOMPARE(cryo::readKMeans(file)->labels[21], std::int32_t(1));
        QCOMPARE(cryo::readKMeans(file)->centerParticles[19], std::int64_t(19));
        const auto noted = [&](const char* text) {
            for (const std::string& n : import.notes)
                if (n.find(text) != std::string::npos)
                    return true;
            return false;
        };
        QVERIFY(noted("pixel size unknown"));
        QVERIFY(noted("particle file not found"));
        QVERIFY(!fs::exists(run / "analyze.5" / "umap.pkl.part"));

        // Reused while weights and z are unchanged; imported again when z is rewritten.
        QVERIFY(cryo::importCryodrgnRun(run).reused);
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        makeHetRun(run, 5, 50);
        const cryo::CryodrgnImport again = cryo::importCryodrgnRun(run);
        QVERIFY(!again.reused);
        QCOMPARE(cryo::readRunConfig(cryo::H5File(again.runDirectory / "run.h5", cryo::H5File::Mode::ReadOnly)).particleCount,
                 std::size_t(50));
        QVERIFY(std::any_of(again.notes.begin(), again.notes.end(),
                            [](const std::string& n) { return n.find("umap.pkl has 100 rows") != std::string::npos; }));
        QCOMPARE(cryo::resolveRunDirectory(run, 5), again.runDirectory);
        QVERIFY(errorOf([&] { cryo::resolveRunDirectory(kExternal, 5); }).contains("--epoch applies to cryoDRGN run directories"));
    }

    void particlesFoundRememberedAndSubset()
    {
        // The config names testing/data/hand.mrcs: found by name beside the run, in its parent.
        const fs::path project = path("project");
        const fs::path run = project / "out";
        makeHetRun(run, 1, 100);
        fs::create_directories(project);
        fs::copy_file(kExternal / "hand.mrcs", project / "hand.mrcs");
        cryo::CryodrgnImport import = cryo::importCryodrgnRun(run);
        cryo::RunConfig config = cryo::readRunConfig(cryo::H5File(import.runDirectory / "run.h5", cryo::H5File::Mode::ReadOnly));
        QCOMPARE(config.particles, fs::absolute(project / "hand.mrcs").lexically_normal());
        QCOMPARE(cryo::openRunParticles(config).size(), std::size_t(100));

        // A particle file the user names is remembered for later opens (and every epoch).
        fs::create_directories(path("elsewhere"));
        fs::copy_file(kExternal / "hand.mrcs", path("elsewhere") / "stack.mrcs");
        cryo::CryodrgnImportOptions options;
        options.particles = path("elsewhere") / "stack.mrcs";
        cryo::importCryodrgnRun(run, options);
        import = cryo::importCryodrgnRun(run);
        config = cryo::readRunConfig(cryo::H5File(import.runDirectory / "run.h5", cryo::H5File::Mode::ReadOnly));
        QCOMPARE(config.particles.filename().string(), std::string("stack.mrcs"));

        // Trained with --ind: z row i is particle ind[i] of the file, in the index's order.
        const fs::path subset = path("subset");
        makeHetRun(subset, 2, 60, project / "hand.mrcs");
        std::vector<std::int64_t> ind;
        for (int i = 0; i < 60; ++i)
            ind.push_back(99 - i);
        write(subset / "ind.pkl", cryo::pickledIndexArray(ind));
        std::string yaml = cryo::readWholeFile(subset / "config.yaml");
        yaml.replace(yaml.find("ind: null"), 9, "ind: /cluster/somewhere/ind.pkl");
        write(subset / "config.yaml", yaml);
        import = cryo::importCryodrgnRun(subset);
        config = cryo::readRunConfig(cryo::H5File(import.runDirectory / "run.h5", cryo::H5File::Mode::ReadOnly));
        const cryo::ParticleDataset dataset = cryo::openRunParticles(config);
        QCOMPARE(dataset.size(), std::size_t(60));
        QCOMPARE(dataset.particles()[0].originalIndex, std::size_t(99));
        QCOMPARE(dataset.particles()[59].originalIndex, std::size_t(40));
    }

    void readOnlyFixtureFolder()
    {
        // ../shared/fixtures is read-only: our files go to $XDG_DATA_HOME/cryoscape/cryodrgn-runs/.
        qputenv("XDG_DATA_HOME", QByteArray::fromStdString(path("xdg").string()));
        const fs::path folder = cryo::cryoscapeFolderFor(kEval);
        QCOMPARE(folder.parent_path(), path("xdg") / "cryoscape" / "cryodrgn-runs");
        QVERIFY(folder.filename().string().rfind("cryodrgn-eval-", 0) == 0);
        fs::create_directories(path("writable"));
        QCOMPARE(cryo::cryoscapeFolderFor(path("writable")), path("writable") / "cryoscape");
    }
};

QTEST_GUILESS_MAIN(TestCryodrgnRun)
#include "tst_cryodrgnrun.moc"
