#include <QtTest>
class TestMrcFile : public QObject { Q_OBJECT };
QTEST_GUILESS_MAIN(TestMrcFile)
#include "tst_mrcfile.moc"
