// The allocator keeps large freed blocks for reuse (util/AllocatorSettings.h): a 64 MB block,
// which the C library would otherwise map and unmap on every allocation, comes from the heap
// and is found there again; a user's own allocator tuning is left alone.
#include "util/AllocatorSettings.h"

#include <QtTest>

#include <malloc.h>

#include <cstdlib>
#include <cstring>

class TestAllocatorSettings : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void usersTuningWins()
    {
        qputenv("GLIBC_TUNABLES", "glibc.malloc.trim_threshold=131072");
        QVERIFY(!cryo::keepLargeFreedBlocksForReuse());
        qunsetenv("GLIBC_TUNABLES");
    }

    void largeBlocksComeFromTheHeap()
    {
        constexpr std::size_t kBlock = std::size_t(64) << 20;
        QVERIFY(cryo::keepLargeFreedBlocksForReuse());
        const std::size_t mappedBefore = mallinfo2().hblkhd;
        char* volatile block = static_cast<char*>(std::malloc(kBlock));   // volatile: not elided
        QVERIFY(block);
        std::memset(block, 1, kBlock);
        QCOMPARE(mallinfo2().hblkhd, mappedBefore);   // not a mapping of its own
        std::free(block);
        const std::size_t heapAfterFree = mallinfo2().arena;
        QVERIFY2(heapAfterFree >= kBlock, "the freed block should stay in the heap");
        char* volatile again = static_cast<char*>(std::malloc(kBlock));
        QVERIFY(again);
        QCOMPARE(mallinfo2().arena, heapAfterFree);   // reused, the heap did not grow
        std::free(again);
    }
};

QTEST_APPLESS_MAIN(TestAllocatorSettings)
#include "tst_allocatorsettings.moc"
