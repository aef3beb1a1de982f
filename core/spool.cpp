#include "spool.h"

#include "durablefs.h"
#include "uidledger.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace Pop3Connector {

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

QString Spool::prepare() const
{
    const QStringList paths = {folderPath(SpoolFolder::Incoming), folderPath(SpoolFolder::Failed),
        folderPath(SpoolFolder::PickUp), folderPath(SpoolFolder::BadMail), tmpPath(),
        statePath() + QStringLiteral("/ledgers"), logPath()};
    for (const QString &p : paths) {
        if (!QDir().mkpath(p))
            return QCoreApplication::translate("Pop3Connector::Spool", "cannot create %1").arg(p);
        if (!QFileInfo(p).isWritable())
            return QCoreApplication::translate("Pop3Connector::Spool", "cannot write to %1").arg(p);
    }
    return {};
}

QString Spool::newMessageName()
{
    static std::atomic<quint32> counter {0};
    const quint32 n = ++counter;
    return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddTHHmmsszzz"))
        + QStringLiteral("Z-%1-%2")
              .arg(QCoreApplication::applicationPid(), 0, 16)
              .arg(n, 6, 16, QLatin1Char('0'));
}

RecoveryReport recoverSpool(const Spool &spool,
    const std::function<UidLedger *(const MessageMetadata &metadata)> &ledgerFor)
{
    RecoveryReport report;
    const QDir tmp(spool.tmpPath());
    const QString incoming = spool.folderPath(SpoolFolder::Incoming);
    const QStringList emls = tmp.entryList({QStringLiteral("*.eml")}, QDir::Files);
    for (const QString &eml : emls) {
        const QString name = eml.chopped(4);
        const QString tmpMeta = tmp.filePath(Spool::metaName(name));
        const QString placedMeta = incoming + u'/' + Spool::metaName(name);
        // The sidecar goes into place first, so it may already be in Incoming Mail.
        const QString metaPath = QFileInfo::exists(tmpMeta) ? tmpMeta : placedMeta;
        std::optional<MessageMetadata> meta;
        QFile f(metaPath);
        if (f.open(QIODevice::ReadOnly))
            meta = MessageMetadata::parse(f.readAll());
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
            QString error;
            if (metaPath == tmpMeta)
                error = DurableFs::renameFile(tmpMeta, placedMeta);
            if (error.isEmpty())
                error = DurableFs::renameFile(tmp.filePath(eml), incoming + u'/' + eml);
            if (error.isEmpty())
                ++report.completed;
            else
                report.errors.append(error);
        } else {
            QFile::remove(tmp.filePath(eml));
            QFile::remove(tmpMeta);
            if (metaPath == placedMeta)
                QFile::remove(placedMeta);
            ++report.discarded;
        }
    }
    // Sidecars whose message never got written.
    for (const QString &meta : tmp.entryList({QStringLiteral("*.meta")}, QDir::Files)) {
        if (tmp.exists(Spool::emlName(meta.chopped(5))))
            continue; // left in place above
        QFile::remove(tmp.filePath(meta));
        ++report.discarded;
    }
    // Scratch files of stages that were interrupted.
    for (const QString &part : tmp.entryList({QStringLiteral("*.part")}, QDir::Files)) {
        QFile::remove(tmp.filePath(part));
        ++report.discarded;
    }
    // A transfer that placed its PickUp (or Failed Mail) file but had not yet removed the
    // Incoming one.
    for (SpoolFolder done : {SpoolFolder::PickUp, SpoolFolder::Failed}) {
        const QDir dir(spool.folderPath(done));
        for (const QString &eml : dir.entryList({QStringLiteral("*.eml")}, QDir::Files)) {
            const QString name = eml.chopped(4);
            if (QFile::exists(spool.messagePath(SpoolFolder::Incoming, name))
                && QFile::exists(spool.metaPath(done, name))) {
                QFile::remove(spool.messagePath(SpoolFolder::Incoming, name));
                QFile::remove(spool.metaPath(SpoolFolder::Incoming, name));
                ++report.discarded;
            }
        }
    }
    // Sidecars left without their message by an interrupted move or removal.
    for (SpoolFolder folder : Spool::folders()) {
        const QDir dir(spool.folderPath(folder));
        for (const QString &meta : dir.entryList({QStringLiteral("*.meta")}, QDir::Files)) {
            if (!dir.exists(Spool::emlName(meta.chopped(5))))
                QFile::remove(dir.filePath(meta));
        }
    }
    for (SpoolFolder folder : Spool::folders()) {
        if (const QString error = DurableFs::syncDirectory(spool.folderPath(folder));
            !error.isEmpty())
            report.errors.append(error);
    }
    return report;
}

std::optional<MessageMetadata> readMetadata(
    const Spool &spool, SpoolFolder folder, const QString &name)
{
    QFile f(spool.metaPath(folder, name));
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    return MessageMetadata::parse(f.readAll());
}

QString replaceMetadata(
    const Spool &spool, SpoolFolder folder, const QString &name, const MessageMetadata &metadata)
{
    QSaveFile out(spool.tmpPath() + u'/' + Spool::scratchName(name, QLatin1StringView("meta")));
    // QSaveFile writes beside its target; the target here is the scratch name, renamed below.
    const QByteArray bytes = metadata.serialize();
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
        return QStringLiteral("cannot write %1: %2").arg(out.fileName(), out.errorString());
    if (const QString e = DurableFs::renameFile(out.fileName(), spool.metaPath(folder, name));
        !e.isEmpty())
        return e;
    return DurableFs::syncDirectory(spool.folderPath(folder));
}

QString moveMessage(const Spool &spool, SpoolFolder from, SpoolFolder to, const QString &name,
    const MessageMetadata &metadata)
{
    if (const QString e = replaceMetadata(spool, to, name, metadata); !e.isEmpty())
        return e;
    if (const QString e =
            DurableFs::renameFile(spool.messagePath(from, name), spool.messagePath(to, name));
        !e.isEmpty()) {
        QFile::remove(spool.metaPath(to, name));
        return e;
    }
    QFile::remove(spool.metaPath(from, name));
    if (const QString e = DurableFs::syncDirectory(spool.folderPath(to)); !e.isEmpty())
        return e;
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

void StagedMessage::setSystemError(const char *what, const QString &path)
{
    if (m_error.isEmpty()) {
        m_error =
            QStringLiteral("%1 %2: %3")
                .arg(QString::fromLatin1(what), path, QString::fromLocal8Bit(std::strerror(errno)));
    }
}

namespace {

// write(2) until everything is written; false with errno set on failure (ENOSPC, EIO ...).
bool writeAll(int fd, const char *data, qint64 size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size_t(size));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += n;
        size -= n;
    }
    return true;
}

int createFile(const QString &path)
{
    int fd;
    do {
        fd = ::open(
            QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    } while (fd < 0 && errno == EINTR);
    return fd;
}

} // namespace

bool StagedMessage::ensureOpen()
{
    if (m_fd >= 0)
        return true;
    const QString path = m_tmp + u'/' + Spool::emlName(m_name);
    m_fd = createFile(path);
    if (m_fd < 0) {
        setSystemError("cannot create", path);
        return false;
    }
    return true;
}

bool StagedMessage::append(QByteArrayView bytes)
{
    if (hasFailed() || !ensureOpen())
        return false;
    if (!writeAll(m_fd, bytes.data(), bytes.size())) {
        setSystemError("cannot write", m_tmp + u'/' + Spool::emlName(m_name));
        return false;
    }
    m_size += bytes.size();
    return true;
}

bool StagedMessage::finish(const MessageMetadata &metadata)
{
    if (hasFailed() || !ensureOpen())
        return false;
    const int rc = ::close(m_fd);
    m_fd = -1;
    if (rc != 0) {
        setSystemError("cannot write", m_tmp + u'/' + Spool::emlName(m_name));
        return false;
    }
    const QString metaPath = m_tmp + u'/' + Spool::metaName(m_name);
    const int fd = createFile(metaPath);
    if (fd < 0) {
        setSystemError("cannot create", metaPath);
        return false;
    }
    const QByteArray bytes = metadata.serialize();
    const bool written = writeAll(fd, bytes.constData(), bytes.size());
    if (!written)
        setSystemError("cannot write", metaPath);
    if (::close(fd) != 0 && written)
        setSystemError("cannot write", metaPath);
    return !hasFailed();
}

void StagedMessage::discard()
{
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    QFile::remove(m_tmp + u'/' + Spool::emlName(m_name));
    QFile::remove(m_tmp + u'/' + Spool::metaName(m_name));
    m_released = true;
}

} // namespace Pop3Connector
