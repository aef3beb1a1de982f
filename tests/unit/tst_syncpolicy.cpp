// How a batch of new files is made durable, decided from the batch and the system's dirty data
// alone (one syncfs, or an fdatasync of each file), and /proc/meminfo read for that: tables of
// both, and each strategy of DurableFs::syncFiles on a real folder.
#include "base/durablefs.h"
#include "base/syncpolicy.h"
#include "operationrecorder.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Pop3Connector;

Q_DECLARE_METATYPE(std::optional<qint64>)

namespace {

constexpr qint64 MiB = 1024 * 1024;

} // namespace

class TestSyncPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void strategy_data();
    void strategy();
    void meminfo_data();
    void meminfo();
    void syncFiles_data();
    void syncFiles();
};

void TestSyncPolicy::strategy_data()
{
    QTest::addColumn<qsizetype>("files");
    QTest::addColumn<qint64>("ownBytes");
    QTest::addColumn<std::optional<qint64>>("dirty");
    QTest::addColumn<SyncStrategy>("expected");

    const std::optional<qint64> unknown;
    QTest::newRow("quiet: the batch is all that is dirty")
        << qsizetype(512) << 8 * MiB << std::optional<qint64>(8 * MiB) << SyncStrategy::FileSystem;
    QTest::newRow("quiet, the batch already partly written back")
        << qsizetype(512) << 8 * MiB << std::optional<qint64>(2 * MiB) << SyncStrategy::FileSystem;
    QTest::newRow("a little else dirty: one syncfs still cheaper")
        << qsizetype(512) << 8 * MiB << std::optional<qint64>(30 * MiB) << SyncStrategy::FileSystem;
    QTest::newRow("a backup's dirty pages outweigh the batch: each file")
        << qsizetype(512) << 8 * MiB << std::optional<qint64>(400 * MiB) << SyncStrategy::EachFile;
    QTest::newRow("just past the neighbour threshold")
        << qsizetype(2) << qint64(60'000) << std::optional<qint64>(32 * MiB + 60'001)
        << SyncStrategy::EachFile;
    QTest::newRow("just at the neighbour threshold")
        << qsizetype(2) << qint64(60'000) << std::optional<qint64>(32 * MiB + 60'000)
        << SyncStrategy::FileSystem;
    QTest::newRow("a huge batch outweighs others' 100 MiB")
        << qsizetype(4000) << 300 * MiB << std::optional<qint64>(400 * MiB)
        << SyncStrategy::FileSystem;
    QTest::newRow("others' data more than a huge batch")
        << qsizetype(4000) << 300 * MiB << std::optional<qint64>(700 * MiB)
        << SyncStrategy::EachFile;
    QTest::newRow("dirty data not known: syncfs, as always")
        << qsizetype(512) << 8 * MiB << unknown << SyncStrategy::FileSystem;
    QTest::newRow("no files") << qsizetype(0) << qint64(0) << std::optional<qint64>(900 * MiB)
                              << SyncStrategy::FileSystem;
}

void TestSyncPolicy::strategy()
{
    QFETCH(qsizetype, files);
    QFETCH(qint64, ownBytes);
    QFETCH(std::optional<qint64>, dirty);
    QFETCH(SyncStrategy, expected);
    QCOMPARE(chooseSyncStrategy(files, ownBytes, dirty), expected);
}

void TestSyncPolicy::meminfo_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<std::optional<qint64>>("expected");

    const QByteArray real = "MemTotal:       24570040 kB\n"
                            "MemFree:        18874412 kB\n"
                            "Dirty:             41280 kB\n"
                            "Writeback:          1024 kB\n"
                            "AnonPages:       1060416 kB\n"
                            "WritebackTmp:          7 kB\n";
    QTest::newRow("Dirty and Writeback summed, WritebackTmp not")
        << real << std::optional<qint64>((41280 + 1024) * 1024);
    QTest::newRow("nothing dirty")
        << QByteArray("Dirty: 0 kB\nWriteback: 0 kB\n") << std::optional<qint64>(0);
    QTest::newRow("Writeback missing") << QByteArray("Dirty: 12 kB\n") << std::optional<qint64>();
    QTest::newRow("empty") << QByteArray() << std::optional<qint64>();
    QTest::newRow("not a number") << QByteArray("Dirty: lots kB\nWriteback: 0 kB\n")
                                  << std::optional<qint64>();
    QTest::newRow("negative") << QByteArray("Dirty: -5 kB\nWriteback: 0 kB\n")
                              << std::optional<qint64>();
    QTest::newRow("another unit") << QByteArray("Dirty: 5 MB\nWriteback: 0 kB\n")
                                  << std::optional<qint64>();
}

void TestSyncPolicy::meminfo()
{
    QFETCH(QByteArray, text);
    QFETCH(std::optional<qint64>, expected);
    QCOMPARE(dirtyBytesFromMeminfo(text), expected);
}

void TestSyncPolicy::syncFiles_data()
{
    QTest::addColumn<SyncStrategy>("strategy");
    QTest::addColumn<QList<DurableFs::Operation::Kind>>("expected");

    using Kind = DurableFs::Operation::Kind;
    QTest::newRow("file system") << SyncStrategy::FileSystem << QList<Kind> {Kind::SyncFileSystem};
    QTest::newRow("each file") << SyncStrategy::EachFile
                               << QList<Kind> {Kind::SyncFile, Kind::SyncFile, Kind::SyncFile,
                                      Kind::SyncDirectory};
}

void TestSyncPolicy::syncFiles()
{
    QFETCH(SyncStrategy, strategy);
    QFETCH(QList<DurableFs::Operation::Kind>, expected);
    QTemporaryDir dir;
    QStringList files;
    for (int i = 0; i < 3; ++i) {
        files.append(dir.filePath(QStringLiteral("m%1").arg(i)));
        Result<DurableFs::File> f =
            DurableFs::File::open(files.last(), DurableFs::OpenMode::CreateNew);
        QVERIFY(f);
        QVERIFY(f.value().write("message"));
        QVERIFY(f.value().close());
    }
    setSyncStrategy(strategy);
    QList<DurableFs::Operation> log;
    {
        OperationRecorder recorder;
        QVERIFY(DurableFs::syncFiles(dir.path(), files, 21));
        log = recorder.log();
    }
    QList<DurableFs::Operation::Kind> kinds;
    QStringList synced;
    for (const DurableFs::Operation &op : std::as_const(log)) {
        kinds.append(op.kind);
        if (op.kind == DurableFs::Operation::Kind::SyncFile)
            synced.append(op.path);
    }
    QCOMPARE(kinds, expected);
    if (strategy == SyncStrategy::EachFile) {
        synced.sort();
        QCOMPARE(synced, files); // every file, by its path
        QCOMPARE(log.last().path, dir.path()); // and then their folder
    }

    // A file that is not there is an error with its path, not a silent success.
    setSyncStrategy(SyncStrategy::EachFile);
    const Status missing =
        DurableFs::syncFiles(dir.path(), {dir.filePath(QStringLiteral("gone"))}, 1);
    QVERIFY(!missing);
    QVERIFY(missing.error().message.contains(QStringLiteral("gone")));
    setSyncStrategy(SyncStrategy::Auto);
}

QTEST_GUILESS_MAIN(TestSyncPolicy)
#include "tst_syncpolicy.moc"
