#include "config/filesecretstore.h"

#include "base/durablefs.h"
#include "base/posixfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QPointer>

#include <cerrno>
#include <sys/stat.h>
#include <unistd.h>

namespace Pop3Connector {

namespace {

// A password is a line a person types; anything longer is not one of ours.
constexpr qint64 kMaxSecret = 64 * 1024;

// Runs `done` in `context`'s thread after the caller returns, as every store answers; dropped
// when `context` is gone.
template<typename Done, typename Value>
void answer(QObject *context, Done done, Value value)
{
    QMetaObject::invokeMethod(
        context, [done = std::move(done), value = std::move(value)] { done(value); },
        Qt::QueuedConnection);
}

} // namespace

FileSecretStore::FileSecretStore(QString folder, std::optional<uid_t> owner)
    : m_folder(std::move(folder))
    , m_owner(owner)
{ }

QString FileSecretStore::pathFor(const QString &key) const
{
    return m_folder + u'/' + QString::fromLatin1(key.toUtf8().toPercentEncoding({}, ".~"));
}

Result<std::optional<QByteArray>> FileSecretStore::readSecret(const QString &key) const
{
    const QString path = pathFor(key);
    struct stat st = {};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0) {
        if (errno == ENOENT)
            return std::optional<QByteArray>();
        return DurableFs::systemError(
            errno, QT_TRANSLATE_NOOP("Pop3Connector::DurableFs", "cannot read"), path);
    }
    const uid_t expected = m_owner.value_or(::geteuid());
    if (st.st_uid != expected) {
        return Error {ErrorCode::PermissionDenied,
            tr("the password file %1 belongs to another user than the service's; store the "
               "password again")
                .arg(path)};
    }
    if ((st.st_mode & 077) != 0) {
        return Error {ErrorCode::PermissionDenied,
            tr("the password file %1 can be read by other users (mode %2); run chmod 600 %1 and "
               "store the password again")
                .arg(path)
                .arg(st.st_mode & 0777, 4, 8, QLatin1Char('0'))};
    }
    Result<QByteArray> bytes = DurableFs::readFile(path, kMaxSecret);
    if (!bytes)
        return bytes.error();
    return std::optional<QByteArray>(std::move(bytes).value());
}

Pop3Connector::Status FileSecretStore::giveToOwner(const QString &path) const
{
    if (!m_owner || *m_owner == ::geteuid())
        return {};
    if (::lchown(QFile::encodeName(path).constData(), *m_owner, gid_t(-1)) != 0)
        return DurableFs::systemError(
            errno, QT_TRANSLATE_NOOP("Pop3Connector::DurableFs", "cannot protect"), path);
    return {};
}

Pop3Connector::Status FileSecretStore::writeSecret(
    const QString &key, const QByteArray &secret) const
{
    if (secret.isEmpty() || secret.size() > kMaxSecret || secret.contains('\n')) {
        return Error {ErrorCode::InvalidInput,
            tr("a password is one line of at most %1 bytes").arg(kMaxSecret)};
    }
    // The folders made here, outermost first, are given to the owner too.
    QStringList missing;
    for (QString f = m_folder; !f.isEmpty() && !QFileInfo::exists(f);
         f = QFileInfo(f).absolutePath()) {
        if (f == QFileInfo(f).absolutePath())
            break;
        missing.prepend(f);
    }
    if (Pop3Connector::Status s = DurableFs::makeDirectory(m_folder); !s)
        return s;
    for (const QString &f : std::as_const(missing)) {
        if (Pop3Connector::Status s = giveToOwner(f); !s)
            return s;
    }
    const QString path = pathFor(key);
    if (Pop3Connector::Status s = DurableFs::writeAtomically(path, secret); !s)
        return s;
    return giveToOwner(path);
}

Pop3Connector::Status FileSecretStore::removeSecret(const QString &key) const
{
    if (Pop3Connector::Status s = DurableFs::remove(pathFor(key)); !s)
        return s;
    if (!QFile::exists(m_folder))
        return {};
    return DurableFs::syncDirectory(m_folder);
}

void FileSecretStore::read(const QString &key, QObject *context, ReadDone done)
{
    const Result<std::optional<QByteArray>> r = readSecret(key);
    ReadResult result;
    if (!r) {
        result.status = Status::Unavailable;
        result.error = r.error().message;
    } else if (r->has_value()) {
        result.status = Status::Found;
        result.secret = **r;
    }
    answer(context, std::move(done), result);
}

void FileSecretStore::write(
    const QString &key, const QByteArray &secret, QObject *context, WriteDone done)
{
    const Pop3Connector::Status s = writeSecret(key, secret);
    answer(context, std::move(done), s ? QString() : s.error().message);
}

void FileSecretStore::remove(const QString &key, QObject *context, WriteDone done)
{
    const Pop3Connector::Status s = removeSecret(key);
    answer(context, std::move(done), s ? QString() : s.error().message);
}

} // namespace Pop3Connector
