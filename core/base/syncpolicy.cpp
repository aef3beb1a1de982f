#include "base/syncpolicy.h"

#include <QByteArray>
#include <QFile>
#include <QList>

#include <algorithm>
#include <atomic>

namespace Pop3Connector {

namespace {

// Other writers' dirty data below this costs a syncfs() less than a flush per file would.
constexpr qint64 kNeighbourBytes = 32 * 1024 * 1024;

std::atomic<SyncStrategy> g_syncStrategy {SyncStrategy::Auto};

std::optional<qint64> systemDirtyBytes()
{
#if defined(__linux__)
    QFile meminfo(QStringLiteral("/proc/meminfo"));
    if (meminfo.open(QIODevice::ReadOnly))
        return dirtyBytesFromMeminfo(meminfo.readAll());
#endif
    return std::nullopt;
}

} // namespace

SyncStrategy syncStrategyFor(qsizetype files, qint64 ownBytes)
{
    const SyncStrategy fixed = g_syncStrategy;
    return fixed != SyncStrategy::Auto ? fixed
                                       : chooseSyncStrategy(files, ownBytes, systemDirtyBytes());
}

void setSyncStrategy(SyncStrategy strategy)
{
    g_syncStrategy = strategy;
}

SyncStrategy chooseSyncStrategy(qsizetype files, qint64 ownBytes, std::optional<qint64> dirtyBytes)
{
    if (files <= 0 || !dirtyBytes)
        return SyncStrategy::FileSystem;
    const qint64 others = std::max<qint64>(0, *dirtyBytes - ownBytes);
    return others > std::max(kNeighbourBytes, ownBytes) ? SyncStrategy::EachFile
                                                        : SyncStrategy::FileSystem;
}

std::optional<qint64> dirtyBytesFromMeminfo(QByteArrayView meminfo)
{
    qint64 total = 0;
    int found = 0;
    for (const QByteArray &line : QByteArray(meminfo.data(), meminfo.size()).split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray key = line.left(colon);
        if (key != "Dirty" && key != "Writeback")
            continue;
        const QList<QByteArray> value = line.mid(colon + 1).simplified().split(' ');
        bool ok = false;
        const qint64 number = value.value(0).toLongLong(&ok);
        if (!ok || number < 0 || value.size() != 2 || value[1] != "kB")
            return std::nullopt;
        total += number * 1024;
        ++found;
    }
    return found == 2 ? std::optional<qint64>(total) : std::nullopt;
}

} // namespace Pop3Connector
