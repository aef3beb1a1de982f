#include "base/posixfile.h"

#include <QCoreApplication>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace Pop3Connector {

namespace DurableFs {

Error systemError(int error, const char *what, const QString &path)
{
    ErrorCode code = ErrorCode::Io;
    switch (error) {
    case ENOSPC:
    case EDQUOT:
        code = ErrorCode::DiskFull;
        break;
    case EACCES:
    case EPERM:
    case EROFS:
        code = ErrorCode::PermissionDenied;
        break;
    case ENOENT:
        code = ErrorCode::NotFound;
        break;
    case EEXIST:
        code = ErrorCode::AlreadyExists;
        break;
    case ELOOP:
        code = ErrorCode::NotARegularFile;
        break;
    default:
        break;
    }
    const QString reason = error == ELOOP
        ? QCoreApplication::translate("Pop3Connector::DurableFs", "it is a symbolic link")
        : QString::fromLocal8Bit(std::strerror(error));
    return Error {code,
        QStringLiteral("%1 %2: %3")
            .arg(QCoreApplication::translate("Pop3Connector::DurableFs", what), path, reason)};
}

} // namespace DurableFs

namespace Posix {

QByteArray native(const QString &path)
{
    return QFile::encodeName(path);
}

int retryOpen(const QByteArray &path, int flags, mode_t mode)
{
    int fd;
    do {
        fd = ::open(path.constData(), flags | O_CLOEXEC, mode);
    } while (fd < 0 && errno == EINTR);
    return fd;
}

Descriptor::~Descriptor()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

Error notRegular(const QString &path)
{
    return Error {ErrorCode::NotARegularFile,
        QCoreApplication::translate("Pop3Connector::DurableFs", "%1 is not a regular file")
            .arg(path)};
}

} // namespace Posix
} // namespace Pop3Connector
