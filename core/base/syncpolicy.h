#pragma once

#include <QByteArrayView>
#include <QtGlobal>

#include <optional>

namespace Pop3Connector {

// How a batch of new files is made durable (DurableFs::syncFiles).
enum class SyncStrategy {
    // Chosen per batch by chooseSyncStrategy() from what else waits to be written.
    Auto,
    // One syncfs(): a single call for any number of files, but it also writes every dirty page
    // of the file system, a neighbour's included, and waits for them.
    FileSystem,
    // fdatasync() of each file, side by side on several threads, then the folder: costs a
    // flush per file, and only ever writes the batch's own data.
    EachFile,
};

// The strategy for a batch of `files` holding `ownBytes`, when the system holds `dirtyBytes`
// of data not yet written (its own included; nothing: not known). One syncfs() is cheapest
// while the batch is most of what is dirty; once other writers' data outweighs the batch (and
// is more than a flush's worth), syncfs() would wait for them too (270-370 ms beside a backup
// on the bench machine, against 10-30 ms quiet: bench/RESULTS.md), and each file is synced alone.
// Pure: a table test pins it down.
SyncStrategy chooseSyncStrategy(qsizetype files, qint64 ownBytes, std::optional<qint64> dirtyBytes);

// The strategy for a batch now: the one set by setSyncStrategy(), or, for Auto, the choice of
// chooseSyncStrategy() with the system's dirty data read from /proc/meminfo.
SyncStrategy syncStrategyFor(qsizetype files, qint64 ownBytes);
// Fixes how DurableFs::syncFiles() works, process-wide (Auto by default): the crash harness
// proves each strategy on its own, and a benchmark compares them.
void setSyncStrategy(SyncStrategy strategy);

// Data not yet on disk, system-wide, from the text of /proc/meminfo (Dirty plus Writeback);
// nothing when the text does not say.
std::optional<qint64> dirtyBytesFromMeminfo(QByteArrayView meminfo);

} // namespace Pop3Connector
