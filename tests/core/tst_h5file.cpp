// H5File: typed N-d datasets, groups, attributes round trip; errors name file and object.
#include "io/H5File.h"
#include "util/Error.h"

#include <hdf5.h>

#include <QTemporaryDir>
#include <QtTest>

#include <cstdint>
#include <filesystem>
#include <fstream>

using namespace cryo;

class TestH5File : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTripTypes()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("t.h5").toStdString();
        std::vector<float> f(12);
        std::vector<double> d(6);
        std::vector<std::int32_t> i32(5);
        std::vector<std::int64_t> i64(4);
        for (std::size_t k = 0; k < f.size(); ++k)
            f[k] = 0.5f * float(k) - 3.0f;
        for (std::size_t k = 0; k < d.size(); ++k)
            d[k] = 1e-3 * double(k * k) + 1e10;
        for (std::size_t k = 0; k < i32.size(); ++k)
            i32[k] = -int(k) * 100000;
        for (std::size_t k = 0; k < i64.size(); ++k)
            i64[k] = (std::int64_t(1) << 40) + std::int64_t(k);
        {
            H5File h(path, H5File::Mode::Create);
            h.write("/a/b/floats", f, {4, 3});
            h.write("/doubles", d, {2, 3});
            h.write("/ints/i32", i32, {5});
            h.write("/ints/i64", i64, {2, 2});
            h.write("/doubles", d, {6});   // replaces
            h.createGroup("/empty/group");
            h.setAttribute("/", "name", std::string("héllo wörld"));
            h.setAttribute("/a/b/floats", "units", std::string("Å"));
            h.setAttribute("/a", "count", 42.0);
            h.close();
        }
        const H5File h(path, H5File::Mode::ReadOnly);
        std::vector<std::size_t> shape;
        QCOMPARE(h.read<float>("/a/b/floats", &shape), f);
        QCOMPARE(shape, (std::vector<std::size_t>{4, 3}));
        QCOMPARE(h.read<double>("/doubles", &shape), d);
        QCOMPARE(shape, (std::vector<std::size_t>{6}));
        QCOMPARE(h.read<std::int32_t>("/ints/i32"), i32);
        QCOMPARE(h.read<std::int64_t>("/ints/i64"), i64);
        // Numeric conversion on read (int32 → double).
        QCOMPARE(h.read<double>("/ints/i32")[3], -300000.0);
        QVERIFY(h.exists("/empty/group"));
        QVERIFY(h.exists("/a/b"));
        QVERIFY(!h.exists("/a/c/d"));
        QCOMPARE(h.stringAttribute("/", "name"), std::string("héllo wörld"));
        QCOMPARE(h.stringAttribute("/a/b/floats", "units"), std::string("Å"));
        QCOMPARE(h.numberAttribute("/a", "count"), 42.0);
        QVERIFY(h.hasAttribute("/a", "count"));
        QVERIFY(!h.hasAttribute("/a", "missing"));
    }

    void errorsNameFileAndObject()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("e.h5").toStdString();
        {
            H5File h(path, H5File::Mode::Create);
            const std::vector<float> v = {1, 2, 3};
            h.write("/x", v, {3});
            h.setAttribute("/x", "n", 1.0);
        }
        const H5File h(path, H5File::Mode::ReadOnly);
        try {
            h.read<float>("/missing");
            QFAIL("no exception");
        } catch (const FileError& e) {
            QVERIFY(QString(e.what()).contains("e.h5"));
            QVERIFY(QString(e.what()).contains("/missing"));
        }
        QVERIFY_THROWS_EXCEPTION(FileError, h.stringAttribute("/x", "n"));   // not a string
        QVERIFY_THROWS_EXCEPTION(FileError, h.numberAttribute("/x", "absent"));
        // Read-only files refuse writes with a FileError, not a crash.
        H5File ro(path, H5File::Mode::ReadOnly);
        const std::vector<float> v = {1};
        QVERIFY_THROWS_EXCEPTION(FileError, ro.write("/y", v, {1}));
    }

    void atomicCreate()
    {
        QTemporaryDir dir;
        const std::filesystem::path path = dir.filePath("a.h5").toStdString();
        const std::vector<double> v = {1, 2};
        {
            H5File h(path, H5File::Mode::CreateAtomic);
            h.write("/v", v, {2});
            QVERIFY(!std::filesystem::exists(path));   // only the .part exists while writing
            QVERIFY(std::filesystem::exists(path.string() + ".part"));
            h.close();
        }
        QVERIFY(std::filesystem::exists(path));
        QVERIFY(!std::filesystem::exists(path.string() + ".part"));
        QCOMPARE(H5File(path, H5File::Mode::ReadOnly).read<double>("/v"), v);
        {
            // Abandoned (e.g. an exception while writing): the old file stays as it was.
            H5File h(path, H5File::Mode::CreateAtomic);
            h.write("/other", v, {2});
        }
        QVERIFY(!std::filesystem::exists(path.string() + ".part"));
        const H5File h(path, H5File::Mode::ReadOnly);
        QVERIFY(h.exists("/v") && !h.exists("/other"));
    }

    // What a hostile file can hold while being valid HDF5: a dataset of 2^40 values with no
    // storage (chunked, never written), and an array where a single number is expected
    // (reading it into one double overran the stack).
    void hostileButValidHdf5()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("hostile.h5").toStdString();
        {
            H5File h(path, H5File::Mode::Create);
            h.createGroup("/g");
        }
        const hid_t f = H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
        const hsize_t huge = hsize_t(1) << 40, chunk = 1, many = 1000;
        const hid_t space = H5Screate_simple(1, &huge, nullptr);
        const hid_t properties = H5Pcreate(H5P_DATASET_CREATE);
        H5Pset_chunk(properties, 1, &chunk);
        H5Dclose(H5Dcreate2(f, "/huge", H5T_NATIVE_FLOAT, space, H5P_DEFAULT, properties, H5P_DEFAULT));
        const hid_t arraySpace = H5Screate_simple(1, &many, nullptr);
        const std::vector<double> values(many, 7.0);
        const hid_t g = H5Gopen2(f, "/g", H5P_DEFAULT);
        const hid_t attribute = H5Acreate2(g, "n", H5T_NATIVE_DOUBLE, arraySpace, H5P_DEFAULT, H5P_DEFAULT);
        H5Awrite(attribute, H5T_NATIVE_DOUBLE, values.data());
        H5Aclose(attribute);
        H5Gclose(g);
        H5Sclose(arraySpace);
        H5Pclose(properties);
        H5Sclose(space);
        H5Fclose(f);

        const H5File h(path, H5File::Mode::ReadOnly);
        QCOMPARE(h.shape("/huge"), std::vector<std::size_t>{std::size_t(1) << 40});
        try {
            h.read<float>("/huge");
            QFAIL("no exception");
        } catch (const FileError& e) {
            QVERIFY2(QString(e.what()).contains("hostile.h5: /huge: the dataset (1099511627776) needs 4398046511104 "
                                                "bytes, but the file stores 0 bytes for it"),
                     e.what());
        }
        QVERIFY_THROWS_EXCEPTION(FileError, h.numberAttribute("/g", "n"));
        QVERIFY_THROWS_EXCEPTION(FileError, h.stringAttribute("/g", "n"));
    }

    void badFiles()
    {
        QTemporaryDir dir;
        const std::string junk = dir.filePath("junk.h5").toStdString();
        std::ofstream(junk) << "this is not HDF5";
        QVERIFY_THROWS_EXCEPTION(FileError, H5File(junk, H5File::Mode::ReadOnly));
        QVERIFY_THROWS_EXCEPTION(FileError, H5File(dir.filePath("none.h5").toStdString(), H5File::Mode::ReadOnly));
        QVERIFY_THROWS_EXCEPTION(FileError, H5File("/nonexistent/dir/x.h5", H5File::Mode::Create));
    }
};

QTEST_GUILESS_MAIN(TestH5File)
#include "tst_h5file.moc"
