#include "diagnosis/spoolchecks.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>

#include <algorithm>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/sysmacros.h>
#include <sys/vfs.h>
#include <unistd.h>

namespace Pop3Connector {

namespace {

// The context lupdate gives the QT_TR_NOOP strings of SpoolChecks's functions, as it gave their
// tr().
constexpr char kContext[] = "Pop3Connector::SpoolChecks";

constexpr int kMaxListed = 20; // files named in evidence; the rest are counted

QString sizeText(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString fileList(const QList<SpoolFacts::File> &files)
{
    QStringList lines;
    for (const SpoolFacts::File &f : files.mid(0, kMaxListed))
        lines.append(
            QStringLiteral("%1/%2 (%3)").arg(f.folder, f.name, f.modified.toString(Qt::ISODate)));
    if (files.size() > kMaxListed)
        lines.append(QStringLiteral("... +%1").arg(files.size() - kMaxListed));
    return lines.join(u'\n');
}

// The kind of file system `path` is on, the block device it is on, and whether it keeps a
// journal (ext4 says in /sys/fs/ext4/DEVICE/journal_task: its thread, or "<none>").
void readFileSystem(const QString &path, SpoolFacts &f)
{
    const QByteArray native = QFile::encodeName(path);
    struct statfs fs
    {
    };
    struct stat st
    {
    };
    if (::statfs(native.constData(), &fs) != 0 || ::stat(native.constData(), &st) != 0)
        return;
    const QFileInfo block(
        QStringLiteral("/sys/dev/block/%1:%2").arg(::major(st.st_dev)).arg(::minor(st.st_dev)));
    if (block.exists())
        f.device = QFileInfo(block.canonicalFilePath()).fileName();
    switch (static_cast<unsigned long>(fs.f_type)) {
    case 0xEF53: { // ext2, ext3 and ext4 alike
        f.fileSystem = QStringLiteral("ext4");
        QFile task(QStringLiteral("/sys/fs/ext4/%1/journal_task").arg(f.device));
        if (!f.device.isEmpty() && task.open(QIODevice::ReadOnly))
            f.journaled = task.readAll().trimmed() != "<none>";
        break;
    }
    case 0x58465342:
        f.fileSystem = QStringLiteral("xfs");
        f.journaled = true;
        break;
    case 0x9123683E:
        f.fileSystem = QStringLiteral("btrfs");
        f.journaled = true; // copy on write: a rename is whole or not at all
        break;
    case 0x01021994:
        f.fileSystem = QStringLiteral("tmpfs");
        break;
    case 0x858458F6:
        f.fileSystem = QStringLiteral("ramfs");
        break;
    default:
        break;
    }
}

} // namespace

SpoolFacts SpoolChecks::gather(const Spool &spool)
{
    SpoolFacts f;
    f.root = spool.root();
    const uint me = ::geteuid();
    QList<std::pair<QString, QString>> folders;
    for (SpoolFolder folder : Spool::folders())
        folders.append({Spool::folderName(folder), spool.folderPath(folder)});
    folders.append({QStringLiteral("tmp"), spool.tmpPath()});
    folders.append({QStringLiteral("state"), spool.statePath()});
    for (const auto &[name, path] : folders) {
        SpoolFacts::Folder d;
        d.name = name;
        d.path = path;
        const QFileInfo info(path);
        d.exists = info.isDir();
        d.owner = info.ownerId();
        d.ownedByService = d.exists && info.ownerId() == me;
        d.writable = d.exists && ::access(QFile::encodeName(path).constData(), W_OK | X_OK) == 0;
        f.folders.append(d);
    }
    for (SpoolFolder folder : Spool::folders()) {
        const QDir dir(spool.folderPath(folder));
        const QFileInfoList entries = dir.entryInfoList(QDir::Files | QDir::Hidden, QDir::Name);
        QSet<QString> messages;
        for (const QFileInfo &e : entries) {
            if (e.fileName().endsWith(QLatin1String(".eml")))
                messages.insert(e.completeBaseName());
        }
        for (const QFileInfo &e : entries) {
            const SpoolFacts::File file {
                Spool::folderName(folder), e.fileName(), e.lastModified().toUTC(), e.size()};
            const QString n = e.fileName();
            if (n.endsWith(QLatin1String(".eml"))) {
                f.largestMessage = std::max(f.largestMessage, e.size());
                if (folder == SpoolFolder::Incoming || folder == SpoolFolder::PickUp)
                    f.waiting.append(file);
            } else if (!n.endsWith(QLatin1String(".meta"))
                || !messages.contains(n.chopped(int(qstrlen(".meta"))))) {
                f.foreign.append(file);
            }
        }
    }
    struct statvfs vfs
    {
    };
    if (::statvfs(QFile::encodeName(spool.root()).constData(), &vfs) == 0) {
        f.bytesFree = qint64(vfs.f_bavail) * qint64(vfs.f_frsize);
        f.bytesTotal = qint64(vfs.f_blocks) * qint64(vfs.f_frsize);
        if (vfs.f_files > 0) {
            f.inodesFree = qint64(vfs.f_favail);
            f.inodesTotal = qint64(vfs.f_files);
        }
    }
    readFileSystem(spool.root(), f);
    return f;
}

QList<Finding> SpoolChecks::evaluate(const SpoolFacts &f, int intervalMinutes, const QDateTime &now)
{
    QList<Finding> out;
    for (const SpoolFacts::Folder &d : f.folders) {
        const QString id = QStringLiteral("spool.folder");
        if (!d.exists) {
            out.append({id, Verdict::Fail,
                Phrase(kContext, QT_TR_NOOP("Folder %1 is missing")).arg(d.name), d.path,
                Phrase(kContext,
                    QT_TR_NOOP(
                        "Restart the service: it recreates its folders. Until then nothing can be "
                        "stored or delivered through this folder."))});
        } else if (!d.ownedByService) {
            out.append({id, Verdict::Fail,
                Phrase(kContext, QT_TR_NOOP("Folder %1 belongs to another user")).arg(d.name),
                Phrase(kContext, QT_TR_NOOP("%1 is owned by user id %2")).arg(d.path).arg(d.owner),
                Phrase(kContext, QT_TR_NOOP("Give it back to the service user: chown -R USER %1"))
                    .arg(d.path)});
        } else if (!d.writable) {
            out.append({id, Verdict::Fail,
                Phrase(kContext, QT_TR_NOOP("Folder %1 is not writable")).arg(d.name), d.path,
                Phrase(kContext, QT_TR_NOOP("Make it writable for the service user: chmod 700 %1"))
                    .arg(d.path)});
        } else {
            out.append({id, Verdict::Pass,
                Phrase(kContext, QT_TR_NOOP("Folder %1 is in order")).arg(d.name), d.path, {}});
        }
    }

    const qint64 staleSeconds = qint64(std::max(1, intervalMinutes)) * 60 * 2;
    QList<SpoolFacts::File> stale;
    for (const SpoolFacts::File &file : f.waiting) {
        if (file.modified.secsTo(now) > staleSeconds)
            stale.append(file);
    }
    if (stale.isEmpty()) {
        out.append({QStringLiteral("spool.waiting"), Verdict::Pass,
            Phrase(kContext, QT_TR_NOOP("No message waits longer than two cycles")),
            Phrase(kContext, QT_TR_N_NOOP("%n message(s) in Incoming Mail and PickUp"),
                int(f.waiting.size())),
            {}});
    } else {
        out.append({QStringLiteral("spool.waiting"), Verdict::Warning,
            Phrase(kContext, QT_TR_N_NOOP("%n message(s) waited longer than two cycles"),
                int(stale.size())),
            fileList(stale),
            Phrase(kContext,
                QT_TR_NOOP(
                    "In Incoming Mail: the transfer stage is stopped or fails on them (see the "
                    "event "
                    "log). In PickUp: delivery is stopped, or the local mail server defers them; "
                    "check the Delivery findings below."))});
    }

    if (f.foreign.isEmpty()) {
        out.append({QStringLiteral("spool.foreign-files"), Verdict::Pass,
            Phrase(kContext, QT_TR_NOOP("No file was renamed by another program")), {}, {}});
    } else {
        out.append({QStringLiteral("spool.foreign-files"), Verdict::Warning,
            Phrase(kContext, QT_TR_N_NOOP("%n file(s) renamed or left by another program"),
                int(f.foreign.size())),
            fileList(f.foreign),
            Phrase(kContext,
                QT_TR_NOOP(
                    "An antivirus or backup program renamed or removed spool files, so the "
                    "connector "
                    "ignores them. Exclude the spool from scanning, then give each message its "
                    "\".eml\" name back (or move it out, if it is really infected)."))});
    }

    if (f.bytesFree >= 0) {
        const qint64 floor = std::max(kFailFreeBytes, f.largestMessage);
        const Phrase evidence = Phrase(kContext, QT_TR_NOOP("%1 free of %2"))
                                    .arg(sizeText(f.bytesFree), sizeText(f.bytesTotal));
        const bool low = f.bytesFree < kWarnFreeBytes
            || (f.bytesTotal > 0 && f.bytesFree * 100 < f.bytesTotal * kWarnFreePercent);
        const Phrase fix = Phrase(kContext,
            QT_TR_NOOP("Free space on the file system of %1, or move the spool to a "
                       "larger one (the spool key)."))
                               .arg(f.root);
        if (f.bytesFree < floor)
            out.append({QStringLiteral("spool.free-space"), Verdict::Fail,
                Phrase(kContext, QT_TR_NOOP("Less than %1 free in the spool")).arg(sizeText(floor)),
                evidence, fix});
        else if (low)
            out.append({QStringLiteral("spool.free-space"), Verdict::Warning,
                Phrase(kContext, QT_TR_NOOP("The spool's disk is nearly full")), evidence, fix});
        else
            out.append({QStringLiteral("spool.free-space"), Verdict::Pass,
                Phrase(kContext, QT_TR_NOOP("Enough free space")), evidence, {}});
    }
    if (f.inodesFree >= 0) {
        const Phrase evidence = Phrase(kContext, QT_TR_NOOP("%1 of %2 inodes free"))
                                    .arg(f.inodesFree)
                                    .arg(f.inodesTotal);
        const Phrase fix = Phrase(kContext,
            QT_TR_NOOP("Remove files on the file system of %1: it can hold no more files "
                       "even with space left."))
                               .arg(f.root);
        if (f.inodesFree < kFailFreeInodes)
            out.append({QStringLiteral("spool.free-inodes"), Verdict::Fail,
                Phrase(kContext, QT_TR_NOOP("The spool's file system is out of inodes")), evidence,
                fix});
        else if (f.inodesFree * 100 < f.inodesTotal * kWarnFreePercent)
            out.append({QStringLiteral("spool.free-inodes"), Verdict::Warning,
                Phrase(kContext, QT_TR_NOOP("The spool's file system is running out of inodes")),
                evidence, fix});
        else
            out.append({QStringLiteral("spool.free-inodes"), Verdict::Pass,
                Phrase(kContext, QT_TR_NOOP("Enough free inodes")), evidence, {}});
    }

    const QString id = QStringLiteral("spool.file-system");
    const QString where = f.device.isEmpty() ? f.fileSystem : f.fileSystem + u' ' + f.device;
    if (f.fileSystem == u"tmpfs" || f.fileSystem == u"ramfs") {
        out.append({id, Verdict::Fail,
            Phrase(kContext, QT_TR_NOOP("The spool is in memory (%1)")).arg(f.fileSystem), f.root,
            Phrase(kContext,
                QT_TR_NOOP(
                    "Everything in it, mail not yet delivered included, is gone at the "
                    "next restart or power cut. Move the spool to a disk (the spool key)."))});
    } else if (f.journaled == false) {
        out.append({id, Verdict::Warning,
            Phrase(kContext, QT_TR_NOOP("The spool's file system keeps no journal")),
            Phrase(kContext, QT_TR_NOOP("%1 is on %2 without a journal")).arg(f.root, where),
            Phrase(kContext,
                QT_TR_NOOP("After a power cut a rename can be left half done until fsck repairs "
                           "it, and each new file is slowed by the files just removed, so the "
                           "connector's own stages slow it down. Add a journal while the file "
                           "system is unmounted (tune2fs -O has_journal /dev/%1), or move the "
                           "spool to a journaled file system (the spool key)."))
                .arg(f.device)});
    } else if (f.journaled == true) {
        out.append({id, Verdict::Pass,
            Phrase(kContext, QT_TR_NOOP("The spool's file system keeps a journal")),
            Phrase(kContext, QT_TR_NOOP("%1 is on %2")).arg(f.root, where), {}});
    }
    return out;
}

} // namespace Pop3Connector
