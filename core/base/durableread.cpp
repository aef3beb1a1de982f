// The reading half of DurableFs: how the stages read back what the spool holds, never through a
// link and never a file that is not a regular one.
#include "base/durablefs.h"
#include "base/posixfile.h"

#include <QCoreApplication>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Pop3Connector::DurableFs {

using namespace Posix;

namespace {
const char *const kCannotRead = QT_TRANSLATE_NOOP("Pop3Connector::DurableFs", "cannot read");
} // namespace

Result<int> openForReading(const QString &path)
{
    Descriptor fd(retryOpen(native(path), O_RDONLY | O_NOFOLLOW | O_NONBLOCK));
    if (fd.get() < 0)
        return systemError(errno, kCannotRead, path);
    struct stat st
    {
    };
    if (::fstat(fd.get(), &st) != 0)
        return systemError(errno, kCannotRead, path);
    if (!S_ISREG(st.st_mode)) {
        return notRegular(path);
    }
    ::fcntl(fd.get(), F_SETFL, ::fcntl(fd.get(), F_GETFL) & ~O_NONBLOCK);
    return fd.release();
}

Result<QByteArray> readHead(const QString &path, qint64 maxBytes)
{
    const Result<int> in = openForReading(path);
    if (!in)
        return in.error();
    const Descriptor fd(*in);
    QByteArray out;
    QByteArray chunk(std::min<qint64>(maxBytes, 64 * 1024), Qt::Uninitialized);
    while (out.size() < maxBytes) {
        const ssize_t n = ::read(
            fd.get(), chunk.data(), size_t(std::min<qint64>(chunk.size(), maxBytes - out.size())));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return systemError(errno, kCannotRead, path);
        if (n == 0)
            break;
        out.append(chunk.constData(), n);
    }
    return out;
}

Result<QByteArray> readFile(const QString &path, qint64 maxBytes)
{
    Result<QByteArray> bytes = readHead(path, maxBytes + 1);
    if (bytes && bytes->size() > maxBytes) {
        return Error {ErrorCode::LimitExceeded,
            QCoreApplication::translate("Pop3Connector::DurableFs", "%1 is larger than %2 bytes")
                .arg(path)
                .arg(maxBytes)};
    }
    return bytes;
}

Result<qint64> regularFileSize(const QString &path)
{
    struct stat st
    {
    };
    if (::lstat(native(path).constData(), &st) != 0)
        return systemError(errno, kCannotRead, path);
    if (!S_ISREG(st.st_mode)) {
        return notRegular(path);
    }
    return qint64(st.st_size);
}

Status verifySize(const QString &path, qint64 expected)
{
    const Result<qint64> size = regularFileSize(path);
    if (!size)
        return size.error();
    if (*size != expected) {
        return Error {ErrorCode::ShortWrite,
            QCoreApplication::translate(
                "Pop3Connector::DurableFs", "%1 holds %2 bytes on disk, but %3 were written")
                .arg(path)
                .arg(*size)
                .arg(expected)};
    }
    return {};
}

} // namespace Pop3Connector::DurableFs
