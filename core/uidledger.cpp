#include "uidledger.h"

#include "durablefs.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace Pop3Connector {

namespace {

const QByteArray kMagic = "# pop3connector ledger 1 ";

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

QString UidLedger::open(const QString &identity)
{
    QMutexLocker lock(&m_mutex);
    m_identity = identity;
    m_entries.clear();
    m_oversized.clear();
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QFile in(m_path);
    if (in.exists()) {
        if (!in.open(QIODevice::ReadOnly))
            return QObject::tr("cannot read the ledger %1: %2").arg(m_path, in.errorString());
        const QByteArray bytes = in.readAll();
        in.close();
        const qsizetype headerEnd = bytes.indexOf('\n');
        const QByteArray header = bytes.left(headerEnd);
        if (header != kMagic + identity.toUtf8()) {
            // Another account's history must not decide what this account downloads.
            const QString aside = m_path + QStringLiteral(".replaced-")
                + QString::number(QDateTime::currentSecsSinceEpoch());
            if (const QString error = DurableFs::renameFile(m_path, aside); !error.isEmpty())
                return error;
        } else {
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
                if (line.startsWith("S ")) {
                    m_entries.insert(f[3], Entry {when, QString::fromUtf8(f[2])});
                } else if (const int limitKb = f[2].toInt(&ok); ok) {
                    m_oversized.insert(f[3], {when, limitKb});
                }
            }
            if (lastNewline + 1 != bytes.size()) {
                // Drop the torn tail so that the next append starts on a fresh line.
                return rewrite();
            }
        }
    }
    if (!QFileInfo::exists(m_path))
        return rewrite();
    return openForAppend();
}

QString UidLedger::openForAppend()
{
    m_file.close();
    m_file.setFileName(m_path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered))
        return QObject::tr("cannot write the ledger %1: %2").arg(m_path, m_file.errorString());
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

Status UidLedger::markOversized(const QByteArray &uid, qint64 markedAt, int limitKb)
{
    QMutexLocker lock(&m_mutex);
    const QByteArray out = oversizedLine(uid, markedAt, limitKb);
    if (m_file.write(out) != out.size()) {
        return Error {ErrorCode::Io,
            QObject::tr("cannot write the ledger %1: %2").arg(m_path, m_file.errorString())};
    }
    if (const QString error = DurableFs::syncFile(m_file.handle()); !error.isEmpty())
        return Error {ErrorCode::Io, error};
    m_oversized.insert(uid, {markedAt, limitKb});
    return {};
}

QString UidLedger::append(const QList<std::pair<QByteArray, Entry>> &entries)
{
    QMutexLocker lock(&m_mutex);
    QByteArray out;
    for (const auto &[uid, entry] : entries)
        out += entryLine(uid, entry);
    if (m_file.write(out) != out.size())
        return QObject::tr("cannot write the ledger %1: %2").arg(m_path, m_file.errorString());
    if (const QString error = DurableFs::syncFile(m_file.handle()); !error.isEmpty())
        return error;
    for (const auto &[uid, entry] : entries)
        m_entries.insert(uid, entry);
    return {};
}

QString UidLedger::retainOnly(const QSet<QByteArray> &present)
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
    return changed ? rewrite() : QString();
}

QString UidLedger::remove(const QSet<QByteArray> &uids)
{
    QMutexLocker lock(&m_mutex);
    bool changed = false;
    for (const QByteArray &uid : uids)
        changed |= m_entries.remove(uid);
    return changed ? rewrite() : QString();
}

QString UidLedger::rewrite()
{
    m_file.close();
    QSaveFile out(m_path);
    if (!out.open(QIODevice::WriteOnly))
        return QObject::tr("cannot write the ledger %1: %2").arg(m_path, out.errorString());
    out.write(kMagic + m_identity.toUtf8() + '\n');
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it)
        out.write(entryLine(it.key(), it.value()));
    for (auto it = m_oversized.cbegin(); it != m_oversized.cend(); ++it)
        out.write(oversizedLine(it.key(), it->markedAt, it->limitKb));
    if (!out.commit())
        return QObject::tr("cannot write the ledger %1: %2").arg(m_path, out.errorString());
    // QSaveFile syncs the file before the rename; the rename itself needs the folder synced.
    if (const QString error = DurableFs::syncDirectory(QFileInfo(m_path).absolutePath());
        !error.isEmpty())
        return error;
    return openForAppend();
}

} // namespace Pop3Connector
