#include "spool/uidledger.h"

#include "base/clock.h"
#include "base/durablefs.h"

#include <QDateTime>
#include <QFileInfo>
#include <QObject>

namespace Pop3Connector {

namespace {

const QByteArray kMagic = "# pop3connector ledger 1 ";
// A ledger line is about 60 bytes; this is millions of messages, and far from memory limits.
constexpr qint64 kMaxLedgerBytes = qint64(1) << 30;

QByteArray entryLine(const QByteArray &uid, const UidLedger::Entry &e)
{
    return "S " + QByteArray::number(e.storedAt) + ' ' + e.spoolName.toUtf8() + ' ' + uid + '\n';
}

QByteArray oversizedLine(const QByteArray &uid, qint64 markedAt, int limitKb)
{
    return "X " + QByteArray::number(markedAt) + ' ' + QByteArray::number(limitKb) + ' ' + uid
        + '\n';
}

} // namespace

UidLedger::UidLedger(QString path)
    : m_path(std::move(path))
{ }

UidLedger::~UidLedger() = default;

Status UidLedger::open(const QString &identity)
{
    QMutexLocker lock(&m_mutex);
    m_identity = identity;
    m_entries.clear();
    m_oversized.clear();
    m_file = DurableFs::File();
    m_needsRewrite = false;
    if (Status s = DurableFs::makeDirectory(QFileInfo(m_path).absolutePath()); !s)
        return s;
    if (!QFileInfo::exists(m_path))
        return rewrite();
    const Result<QByteArray> read = DurableFs::readFile(m_path, kMaxLedgerBytes);
    if (!read) {
        return Error {read.error().code,
            QObject::tr("cannot read the ledger %1: %2").arg(m_path, read.error().message)};
    }
    const QByteArray &bytes = *read;
    const qsizetype headerEnd = bytes.indexOf('\n');
    const QByteArray header = bytes.left(headerEnd);
    if (header != kMagic + identity.toUtf8()) {
        // Another account's history must not decide what this account downloads.
        const QString aside =
            m_path + QStringLiteral(".replaced-") + QString::number(Clock::secondsSinceEpoch());
        if (Status s = DurableFs::rename(m_path, aside); !s)
            return s;
        return rewrite();
    }
    // A crash may have torn the last line; everything up to the last newline is whole.
    const qsizetype lastNewline = bytes.lastIndexOf('\n');
    for (const QByteArray &line : bytes.left(lastNewline).split('\n')) {
        if (!line.startsWith("S ") && !line.startsWith("X "))
            continue;
        const QList<QByteArray> f = line.split(' ');
        if (f.size() != 4)
            continue;
        bool ok = false;
        const qint64 when = f[1].toLongLong(&ok);
        if (!ok)
            continue;
        if (line.startsWith("S "))
            m_entries.insert(f[3], Entry {when, QString::fromUtf8(f[2])});
        else if (const int limitKb = f[2].toInt(&ok); ok)
            m_oversized.insert(f[3], {when, limitKb});
    }
    if (lastNewline + 1 != bytes.size())
        return rewrite(); // drops the torn tail, so that the next append starts a fresh line
    return openForAppend();
}

Status UidLedger::openForAppend()
{
    Result<DurableFs::File> file = DurableFs::File::open(m_path, DurableFs::File::Mode::Append);
    if (!file) {
        return Error {file.error().code,
            QObject::tr("cannot write the ledger %1: %2").arg(m_path, file.error().message)};
    }
    m_file = std::move(file).value();
    return {};
}

std::optional<UidLedger::Entry> UidLedger::find(const QByteArray &uid) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_entries.constFind(uid);
    if (it == m_entries.cend())
        return std::nullopt;
    return *it;
}

int UidLedger::size() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_entries.size());
}

std::optional<int> UidLedger::oversizedAt(const QByteArray &uid) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_oversized.constFind(uid);
    if (it == m_oversized.cend())
        return std::nullopt;
    return it->limitKb;
}

bool UidLedger::contains(const QByteArray &uid) const
{
    QMutexLocker lock(&m_mutex);
    return m_entries.contains(uid) || m_oversized.contains(uid);
}

Status UidLedger::append(const QList<std::pair<QByteArray, Entry>> &entries)
{
    QByteArray out;
    for (const auto &[uid, entry] : entries)
        out += entryLine(uid, entry);
    QMutexLocker lock(&m_mutex);
    if (Status s = appendLines(out); !s)
        return s;
    for (const auto &[uid, entry] : entries)
        m_entries.insert(uid, entry);
    return {};
}

Status UidLedger::markOversized(const QByteArray &uid, qint64 markedAt, int limitKb)
{
    QMutexLocker lock(&m_mutex);
    if (Status s = appendLines(oversizedLine(uid, markedAt, limitKb)); !s)
        return s;
    m_oversized.insert(uid, {markedAt, limitKb});
    return {};
}

Status UidLedger::appendLines(const QByteArray &lines)
{
    if (m_needsRewrite || !m_file.isOpen()) {
        if (Status s = rewrite(); !s)
            return s;
    }
    const qint64 before = m_file.size();
    Status s = m_file.write(lines);
    if (s)
        s = m_file.sync();
    if (!s) {
        // A half-written line would join the next one: give the bytes back, or rewrite the
        // file from memory before the next append.
        if (!m_file.truncate(before))
            m_needsRewrite = true;
        return Error {s.error().code,
            QObject::tr("cannot write the ledger %1: %2").arg(m_path, s.error().message)};
    }
    return {};
}

Status UidLedger::retainOnly(const QSet<QByteArray> &present)
{
    QMutexLocker lock(&m_mutex);
    bool changed = false;
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (!present.contains(it.key())) {
            it = m_entries.erase(it);
            changed = true;
        } else {
            ++it;
        }
    }
    for (auto it = m_oversized.begin(); it != m_oversized.end();) {
        if (!present.contains(it.key())) {
            it = m_oversized.erase(it);
            changed = true;
        } else {
            ++it;
        }
    }
    return changed ? rewrite() : Status();
}

Status UidLedger::remove(const QSet<QByteArray> &uids)
{
    QMutexLocker lock(&m_mutex);
    bool changed = false;
    for (const QByteArray &uid : uids)
        changed |= m_entries.remove(uid);
    return changed ? rewrite() : Status();
}

Status UidLedger::rewrite()
{
    m_file = DurableFs::File();
    QByteArray out = kMagic + m_identity.toUtf8() + '\n';
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it)
        out += entryLine(it.key(), it.value());
    for (auto it = m_oversized.cbegin(); it != m_oversized.cend(); ++it)
        out += oversizedLine(it.key(), it->markedAt, it->limitKb);
    if (Status s = DurableFs::writeAtomically(m_path, out); !s) {
        m_needsRewrite = true;
        return Error {s.error().code,
            QObject::tr("cannot write the ledger %1: %2").arg(m_path, s.error().message)};
    }
    m_needsRewrite = false;
    return openForAppend();
}

} // namespace Pop3Connector
