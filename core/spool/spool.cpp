#include "spool/spool.h"

#include "base/clock.h"
#include "base/durablefs.h"
#include "base/parallel.h"
#include "spool/uidledger.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QIODevice>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <sys/stat.h>
#include <unistd.h>

namespace Pop3Connector {

namespace {
// A sidecar is a few lines; anything larger is not one.
constexpr qint64 kMaxMetadataBytes = 1024 * 1024;
// Enough of a file's start for the first line of a head.
constexpr qint64 kHeadLinePeek = 64;

// The sidecar at the top of the message file `eml`, its size set from the file's.
std::optional<MessageMetadata> headOf(const QString &eml)
{
    Result<QByteArray> start = DurableFs::readHead(eml, 4096);
    const qint64 length = start ? MessageMetadata::headLength(*start) : 0;
    if (start && length > start->size())
        start = DurableFs::readHead(eml, length);
    const Result<qint64> size = DurableFs::regularFileSize(eml);
    std::optional<MessageMetadata> m;
    if (length > 0 && start && size)
        m = MessageMetadata::parseHead(*start);
    if (m)
        m->size = *size - m->messageOffset;
    return m;
}

// The sidecar of the message file `eml`: the file `sidecar` beside it, or, when there is none
// (a message as the download stores it), the head at the top of the message file.
std::optional<MessageMetadata> metadataOf(const QString &eml, const QString &sidecar)
{
    const Result<QByteArray> bytes = DurableFs::readFile(sidecar, kMaxMetadataBytes);
    if (bytes) {
        std::optional<MessageMetadata> m = MessageMetadata::parse(*bytes);
        // Written for a file with a head of that length. A file whose head is another (or
        // none) replaced that one since (a rewrite renames the new file in before it removes
        // the old sidecar), or the sidecar was damaged: its offset would send the message on
        // cut or empty, so the file's own head is what holds.
        if (m && m->messageOffset > 0) {
            std::optional<MessageMetadata> head = headOf(eml);
            if (!head || head->messageOffset != m->messageOffset)
                return head;
        }
        return m;
    }
    if (bytes.error().code != ErrorCode::NotFound)
        return std::nullopt;
    return headOf(eml);
}

// Where the message starts in its file: after the sidecar at its top, or at 0.
qint64 messageOffsetOf(const Spool &spool, SpoolFolder folder, const QString &name)
{
    const std::optional<MessageMetadata> current = readMetadata(spool, folder, name);
    return current ? current->messageOffset : 0;
}

// A sidecar beside the message, written in tmp/ (recovery removes a leftover) and renamed into
// place; `offset` is where the message starts in its file.
Status writeSidecar(const Spool &spool, SpoolFolder folder, const QString &name,
    MessageMetadata metadata, qint64 offset)
{
    metadata.messageOffset = offset;
    return DurableFs::writeAtomically(spool.metaPath(folder, name), metadata.serialize(),
        spool.tmpPath() + u'/' + Spool::scratchName(name, QLatin1StringView("meta")));
}
} // namespace

Spool::Spool(QString root)
    : m_root(std::move(root))
{ }

QString Spool::folderName(SpoolFolder folder)
{
    switch (folder) {
    case SpoolFolder::Incoming:
        return QStringLiteral("Incoming Mail");
    case SpoolFolder::Failed:
        return QStringLiteral("Failed Mail");
    case SpoolFolder::PickUp:
        return QStringLiteral("PickUp");
    case SpoolFolder::BadMail:
        return QStringLiteral("BadMail");
    }
    return {};
}

QString Spool::folderPath(SpoolFolder folder) const
{
    return m_root + u'/' + folderName(folder);
}

QString Spool::tmpPath() const
{
    return m_root + QStringLiteral("/tmp");
}

QString Spool::statePath() const
{
    return m_root + QStringLiteral("/state");
}

QString Spool::logPath() const
{
    return m_root + QStringLiteral("/log");
}

QString Spool::ledgerPath(const QString &mailbox) const
{
    return statePath() + QStringLiteral("/ledgers/") + mailbox + QStringLiteral(".ledger");
}

namespace {

// Folders 0700 and regular files 0600 under `root`, symlinks left alone (never followed).
// Counts what it changed; what it cannot change (another owner) goes into `problems`.
int makePrivate(const QString &root, QStringList &problems)
{
    int repaired = 0;
    const auto protect = [&](const QString &path, mode_t wanted) {
        struct stat st
        {
        };
        if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
            return;
        if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode))
            return;
        if ((st.st_mode & 07777) == wanted)
            return;
        if (::chmod(QFile::encodeName(path).constData(), wanted) == 0)
            ++repaired;
        else
            problems.append(DurableFs::systemError(
                errno, QT_TRANSLATE_NOOP("Pop3Connector::DurableFs", "cannot protect"), path)
                                .message);
    };
    protect(root, 0700);
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
        QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info = it.fileInfo();
        if (info.isSymLink())
            continue;
        protect(path, info.isDir() ? 0700 : 0600);
    }
    return repaired;
}

} // namespace

Result<int> Spool::prepare() const
{
    const QStringList paths = {folderPath(SpoolFolder::Incoming), folderPath(SpoolFolder::Failed),
        folderPath(SpoolFolder::PickUp), folderPath(SpoolFolder::BadMail), tmpPath(),
        statePath() + QStringLiteral("/ledgers"), logPath()};
    for (const QString &p : paths) {
        if (Status s = DurableFs::makeDirectory(p); !s)
            return s.error();
    }
    QStringList problems;
    const int repaired = makePrivate(m_root, problems);
    for (const QString &p : paths) {
        if (::access(QFile::encodeName(p).constData(), W_OK | X_OK) != 0)
            return DurableFs::systemError(
                errno, QT_TRANSLATE_NOOP("Pop3Connector::DurableFs", "cannot write to"), p);
    }
    if (!problems.isEmpty()) {
        return Error {ErrorCode::PermissionDenied,
            QCoreApplication::translate("Pop3Connector::Spool",
                "%n file(s) of the spool are readable by other users and cannot be made "
                "private: %1",
                nullptr, int(problems.size()))
                .arg(problems.mid(0, 3).join(QStringLiteral("; ")))};
    }
    return repaired;
}

QString Spool::newMessageName()
{
    static std::atomic<quint32> counter {0};
    const quint32 n = ++counter;
    return Clock::nowUtc().toString(QStringLiteral("yyyyMMddTHHmmsszzz"))
        + QStringLiteral("Z-%1-%2")
              .arg(QCoreApplication::applicationPid(), 0, 16)
              .arg(n, 6, 16, QLatin1Char('0'));
}

QString RecoveryReport::summary() const
{
    if (completed == 0 && discarded == 0 && errors.isEmpty())
        return {};
    QString text = QCoreApplication::translate("Pop3Connector::RecoveryReport",
        "Recovered the spool after an interruption: %1 stored message(s) moved into Incoming "
        "Mail, %2 incomplete file(s) removed.")
                       .arg(completed)
                       .arg(discarded);
    if (!errors.isEmpty())
        text += u' ' + errors.join(QStringLiteral("; "));
    return text;
}

RecoveryReport recoverSpool(const Spool &spool,
    const std::function<UidLedger *(const MessageMetadata &metadata)> &ledgerFor)
{
    RecoveryReport report;
    const auto check = [&report](const Status &s) {
        if (!s)
            report.errors.append(s.error().message);
        return s.ok();
    };
    const QDir tmp(spool.tmpPath());
    const QString incoming = spool.folderPath(SpoolFolder::Incoming);
    const QStringList emls = tmp.entryList({QStringLiteral("*.eml")}, QDir::Files);
    for (const QString &eml : emls) {
        const QString name = eml.chopped(4);
        const QString tmpMeta = tmp.filePath(Spool::metaName(name));
        const QString placedMeta = incoming + u'/' + Spool::metaName(name);
        // A separate sidecar goes into place first, so it may already be in Incoming Mail; a
        // message the download stored carries its sidecar at its top.
        const bool metaInTmp = QFileInfo::exists(tmpMeta);
        const bool metaPlaced = !metaInTmp && QFileInfo::exists(placedMeta);
        const std::optional<MessageMetadata> meta =
            metadataOf(tmp.filePath(eml), metaPlaced ? placedMeta : tmpMeta);
        bool stored = false;
        if (meta) {
            UidLedger *ledger = ledgerFor(*meta);
            if (!ledger) {
                report.errors.append(QCoreApplication::translate("Pop3Connector::Spool",
                    "%1 left in place: the ledger of mailbox %2 "
                    "cannot be read")
                                         .arg(tmp.filePath(eml), meta->mailbox));
                continue;
            }
            const std::optional<UidLedger::Entry> e = ledger->find(meta->uid);
            stored = e && e->spoolName == name;
        }
        if (stored) {
            bool moved = !metaInTmp || check(DurableFs::rename(tmpMeta, placedMeta));
            moved = moved && check(DurableFs::rename(tmp.filePath(eml), incoming + u'/' + eml));
            if (moved)
                ++report.completed;
        } else {
            // Not in the ledger: the server still has it, and nothing was deleted for it.
            check(DurableFs::remove(tmp.filePath(eml)));
            check(DurableFs::remove(tmpMeta));
            if (metaPlaced)
                check(DurableFs::remove(placedMeta));
            ++report.discarded;
        }
    }
    // Sidecars left in tmp/: either their message never got written (removed), or, when the
    // file system kept the message's rename but not the sidecar's, the message waits in
    // Incoming Mail for exactly this sidecar.
    for (const QString &meta : tmp.entryList({QStringLiteral("*.meta")}, QDir::Files)) {
        const QString name = meta.chopped(5);
        if (tmp.exists(Spool::emlName(name)))
            continue; // left in place above
        if (QFile::exists(spool.messagePath(SpoolFolder::Incoming, name))
            && !QFile::exists(spool.metaPath(SpoolFolder::Incoming, name))) {
            check(
                DurableFs::rename(tmp.filePath(meta), spool.metaPath(SpoolFolder::Incoming, name)));
            continue;
        }
        check(DurableFs::remove(tmp.filePath(meta)));
        ++report.discarded;
    }
    // Scratch files of stages that were interrupted.
    for (const QString &part : tmp.entryList(
             {QStringLiteral("*.part"), QStringLiteral("*.new")}, QDir::Files | QDir::System)) {
        check(DurableFs::remove(tmp.filePath(part)));
        ++report.discarded;
    }
    // A transfer that placed its PickUp file but had not yet removed the Incoming one: the
    // Incoming copy goes (its sidecar moves over when the PickUp one did not arrive), so the
    // message is routed once. Failed Mail is reached by a rename, never a copy.
    for (SpoolFolder done : {SpoolFolder::PickUp, SpoolFolder::Failed}) {
        const QDir dir(spool.folderPath(done));
        for (const QString &eml : dir.entryList({QStringLiteral("*.eml")}, QDir::Files)) {
            const QString name = eml.chopped(4);
            if (!QFile::exists(spool.messagePath(SpoolFolder::Incoming, name)))
                continue;
            // (A PickUp file the connector delivers itself has its own sidecar at its top; a
            // Failed Mail file is the message itself, whatever it begins with.)
            if (!QFile::exists(spool.metaPath(done, name))
                && !(done == SpoolFolder::PickUp && headOf(spool.messagePath(done, name)))) {
                if (QFile::exists(spool.metaPath(SpoolFolder::Incoming, name))) {
                    check(DurableFs::rename(
                        spool.metaPath(SpoolFolder::Incoming, name), spool.metaPath(done, name)));
                } else if (const std::optional<MessageMetadata> head =
                               headOf(spool.messagePath(SpoolFolder::Incoming, name))) {
                    // The PickUp file is its envelope and the message.
                    check(writeSidecar(spool, done, name, *head, 0));
                }
            }
            if (check(DurableFs::remove(spool.messagePath(SpoolFolder::Incoming, name))))
                check(DurableFs::remove(spool.metaPath(SpoolFolder::Incoming, name)));
            ++report.discarded;
        }
    }
    // Sidecars left without their message by an interrupted move or removal, and scratch
    // files of an atomic write.
    for (SpoolFolder folder : Spool::folders()) {
        const QDir dir(spool.folderPath(folder));
        for (const QString &meta : dir.entryList({QStringLiteral("*.meta")}, QDir::Files)) {
            if (!dir.exists(Spool::emlName(meta.chopped(5))))
                check(DurableFs::remove(dir.filePath(meta)));
        }
        for (const QString &scratch : dir.entryList({QStringLiteral("*.new")}, QDir::Files))
            check(DurableFs::remove(dir.filePath(scratch)));
    }
    for (const QString &folder : {spool.tmpPath(), spool.folderPath(SpoolFolder::Incoming),
             spool.folderPath(SpoolFolder::Failed), spool.folderPath(SpoolFolder::PickUp),
             spool.folderPath(SpoolFolder::BadMail)})
        check(DurableFs::syncDirectory(folder));
    return report;
}

std::optional<MessageMetadata> readMetadata(
    const Spool &spool, SpoolFolder folder, const QString &name)
{
    return metadataOf(spool.messagePath(folder, name), spool.metaPath(folder, name));
}

Status replaceMetadata(
    const Spool &spool, SpoolFolder folder, const QString &name, const MessageMetadata &metadata)
{
    return writeSidecar(spool, folder, name, metadata, messageOffsetOf(spool, folder, name));
}

qint64 envelopeStart(qint64 offset, QIODevice &file)
{
    return offset > 0 ? offset : MessageMetadata::headLength(file.peek(kHeadLinePeek));
}

Status placeFile(const Spool &spool, SpoolFolder folder, const QString &name,
    const QString &scratch, const MessageMetadata &metadata, bool headed)
{
    // The new file first: a sidecar left beside it from the old one names the old head's
    // length, which readers then pass over (metadataOf()), and the envelope in the file holds.
    Status s = DurableFs::rename(scratch, spool.messagePath(folder, name));
    if (s) {
        s = headed ? DurableFs::remove(spool.metaPath(folder, name))
                   : writeSidecar(spool, folder, name, metadata, 0);
    }
    if (s)
        s = DurableFs::syncDirectory(spool.folderPath(folder));
    return s;
}

Status moveMessage(const Spool &spool, SpoolFolder from, SpoolFolder to, const QString &name,
    const MessageMetadata &metadata)
{
    // The file moves as it is, with a sidecar at its top if it has one.
    if (Status s = writeSidecar(spool, to, name, metadata, messageOffsetOf(spool, from, name)); !s)
        return s;
    if (Status s = DurableFs::rename(spool.messagePath(from, name), spool.messagePath(to, name));
        !s) {
        DurableFs::discard(spool.metaPath(to, name)); // recovery removes it otherwise
        return s;
    }
    if (Status s = DurableFs::remove(spool.metaPath(from, name)); !s)
        return s;
    if (Status s = DurableFs::syncDirectory(spool.folderPath(to)); !s)
        return s;
    return DurableFs::syncDirectory(spool.folderPath(from));
}

StagedMessage::StagedMessage(const Spool &spool, QString name)
    : m_tmp(spool.tmpPath())
    , m_name(std::move(name))
{ }

StagedMessage::~StagedMessage()
{
    if (!m_released)
        discard();
}

bool StagedMessage::check(const Status &status)
{
    if (!status && m_error.isEmpty())
        m_error = status.error().message;
    return status.ok();
}

void StagedMessage::setHead(const MessageMetadata &metadata)
{
    Q_ASSERT(!m_file.isOpen());
    m_head = metadata.fittingHead(); // or none: the sidecar goes beside the message
}

bool StagedMessage::ensureOpen()
{
    if (m_file.isOpen())
        return true;
    Result<DurableFs::File> file = DurableFs::File::open(
        m_tmp + u'/' + Spool::emlName(m_name), DurableFs::File::Mode::CreateNew);
    if (!file)
        return check(file.error());
    m_file = std::move(file).value();
    return m_head.isEmpty() || check(m_file.write(m_head));
}

bool StagedMessage::append(QByteArrayView bytes)
{
    if (hasFailed() || !ensureOpen())
        return false;
    const bool written = check(m_file.write(bytes));
    m_size = m_file.size() - m_head.size();
    return written;
}

bool StagedMessage::finish(const MessageMetadata &metadata)
{
    if (hasFailed() || !ensureOpen() || !check(m_file.close()))
        return false;
    if (!m_head.isEmpty())
        return true; // the sidecar is at the top of the file
    Result<DurableFs::File> meta = DurableFs::File::open(
        m_tmp + u'/' + Spool::metaName(m_name), DurableFs::File::Mode::CreateNew);
    if (!meta)
        return check(meta.error());
    const bool written = check(meta.value().write(metadata.serialize()));
    m_metadataSize = meta.value().size();
    return check(meta.value().close()) && written;
}

void StagedMessage::discard()
{
    m_file = DurableFs::File();
    DurableFs::discard(m_tmp + u'/' + Spool::emlName(m_name)); // recovery removes leftovers
    DurableFs::discard(m_tmp + u'/' + Spool::metaName(m_name));
    m_released = true;
}

// An unlink on ext4 can wait milliseconds for the blocks it frees (3 ms a file on a busy disk,
// with transfer and dispatch removing thousands a day: bench/RESULTS.md); from 8 threads the
// waits overlap and a batch of 256 messages is removed 25 times faster than one after another.
Status removeMessages(const Spool &spool, SpoolFolder folder, const QStringList &names)
{
    return forEachInParallel(names.size(), 8, [&](qsizetype i) {
        Status gone = DurableFs::remove(spool.messagePath(folder, names[i]));
        return gone ? DurableFs::remove(spool.metaPath(folder, names[i])) : gone;
    });
}

} // namespace Pop3Connector
