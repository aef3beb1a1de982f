#pragma once

#include "diagnosis/diagnosis.h"
#include "spool/spool.h"

#include <QCoreApplication>
#include <QDateTime>

#include <optional>

namespace Pop3Connector {

// What the troubleshooter saw of the spool: each folder's state, the files waiting in Incoming
// Mail and PickUp, the files something else renamed, the file system's room.
struct SpoolFacts
{
    struct Folder
    {
        QString name; // "Incoming Mail", "tmp", ...
        QString path;
        bool exists = false;
        bool ownedByService = false;
        bool writable = false;
        uint owner = 0;
    };
    struct File
    {
        QString folder;
        QString name;
        QDateTime modified;
        qint64 size = 0;
    };

    QString root;
    QList<Folder> folders;
    QList<File> waiting; // messages (.eml) in Incoming Mail and PickUp
    QList<File> foreign; // names the spool does not make, or a sidecar without its message
    qint64 largestMessage = 0;
    qint64 bytesFree = -1; // -1: unknown
    qint64 bytesTotal = -1;
    qint64 inodesFree = -1; // -1: the file system does not count them
    qint64 inodesTotal = -1;
    // The spool's file system: its kind ("ext4", "xfs", "btrfs", "tmpfs", ...; empty: not one
    // the checks know), the device it is on, and whether it keeps a journal (nothing: not known).
    QString fileSystem;
    QString device;
    std::optional<bool> journaled;
};

// Spool findings (docs/troubleshooting.md "Spool"): spool.folder, spool.waiting,
// spool.foreign-files, spool.free-space, spool.free-inodes, spool.file-system.
class SpoolChecks
{
    Q_DECLARE_TR_FUNCTIONS(Pop3Connector::SpoolChecks)

public:
    static constexpr qint64 kWarnFreeBytes = 1024LL * 1024 * 1024; // 1 GB
    static constexpr int kWarnFreePercent = 5;
    static constexpr qint64 kFailFreeBytes = 100LL * 1024 * 1024; // or the largest message
    static constexpr qint64 kFailFreeInodes = 1000;

    // Reads the spool as the calling user (the service's) sees it.
    static SpoolFacts gather(const Spool &spool);
    // Pure: a message waiting longer than two cycles of `intervalMinutes` is stale.
    static QList<Finding> evaluate(
        const SpoolFacts &facts, int intervalMinutes, const QDateTime &now);
};

} // namespace Pop3Connector
