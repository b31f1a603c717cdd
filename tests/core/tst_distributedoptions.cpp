// Which data-parallel job a process joins, from its environment (issue #21, docs/cluster.md):
// torchrun-style variables first, then SLURM's (first host of the step's node list, a port
// per job), none for one process, and clear messages for values that make no sense.
#include "train/DistributedOptions.h"
#include "util/Error.h"

#include <QtTest>

#include <map>
#include <string>

namespace {

std::optional<cryo::DistributedOptions> fromEnvironment(const std::map<std::string, std::string>& variables)
{
    return cryo::distributedFromEnvironment([&](const char* name) -> const char* {
        const auto it = variables.find(name);
        return it == variables.end() ? nullptr : it->second.c_str();
    });
}

} // namespace

class TestDistributedOptions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void firstSlurmHost()
    {
        QCOMPARE(cryo::firstSlurmHost("node07"), std::string("node07"));
        QCOMPARE(cryo::firstSlurmHost("node[03-05,7],gpu1"), std::string("node03"));
        QCOMPARE(cryo::firstSlurmHost("gpu1,node[03-05]"), std::string("gpu1"));
        QCOMPARE(cryo::firstSlurmHost("cn[12,40-41]"), std::string("cn12"));
    }

    void torchrunVariables()
    {
        const auto o = fromEnvironment({{"RANK", "3"}, {"WORLD_SIZE", "4"}, {"MASTER_ADDR", "head"},
                                        {"MASTER_PORT", "1234"}, {"SLURM_PROCID", "0"}, {"SLURM_NTASKS", "9"}});
        QVERIFY(o.has_value());
        QCOMPARE(o->rank, 3);
        QCOMPARE(o->worldSize, 4);
        QCOMPARE(o->storeHost, std::string("head"));
        QCOMPARE(o->storePort, 1234);
        QVERIFY(!o->hostStore);
        const auto first = fromEnvironment({{"RANK", "0"}, {"WORLD_SIZE", "2"}});
        QVERIFY(first->hostStore);
        QCOMPARE(first->storeHost, std::string("127.0.0.1"));
        const auto launched = fromEnvironment({{"RANK", "0"}, {"WORLD_SIZE", "2"}, {"CRYOSCAPE_STORE_SERVED", "1"}});
        QVERIFY(!launched->hostStore);
    }

    void slurmVariables()
    {
        const auto o = fromEnvironment({{"SLURM_PROCID", "1"}, {"SLURM_NTASKS", "8"},
                                        {"SLURM_STEP_NODELIST", "cn[12-19]"}, {"SLURM_JOB_ID", "40123"}});
        QVERIFY(o.has_value());
        QCOMPARE(o->rank, 1);
        QCOMPARE(o->worldSize, 8);
        QCOMPARE(o->storeHost, std::string("cn12"));
        QCOMPARE(o->storePort, 29500 + 123);
    }

    void oneProcessIsNoJob()
    {
        QVERIFY(!fromEnvironment({}).has_value());
        QVERIFY(!fromEnvironment({{"RANK", "0"}, {"WORLD_SIZE", "1"}}).has_value());
        QVERIFY(!fromEnvironment({{"SLURM_PROCID", "0"}, {"SLURM_NTASKS", "1"}, {"SLURM_STEP_NODELIST", "a"}}));
    }

    void nonsenseIsRefused()
    {
        QVERIFY_THROWS_EXCEPTION(cryo::UsageError, fromEnvironment({{"RANK", "two"}, {"WORLD_SIZE", "4"}}));
        QVERIFY_THROWS_EXCEPTION(cryo::UsageError, fromEnvironment({{"RANK", "4"}, {"WORLD_SIZE", "4"}}));
        QVERIFY_THROWS_EXCEPTION(cryo::UsageError,
                                 fromEnvironment({{"RANK", "0"}, {"WORLD_SIZE", "2"}, {"MASTER_PORT", "70000"}}));
        QVERIFY_THROWS_EXCEPTION(cryo::UsageError, fromEnvironment({{"SLURM_PROCID", "0"}, {"SLURM_NTASKS", "2"}}));
    }
};

QTEST_GUILESS_MAIN(TestDistributedOptions)
#include "tst_distributedoptions.moc"
