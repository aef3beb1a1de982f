#include "durablefs.h"

#include <QFile>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace Pop3Connector::DurableFs {

namespace {

QString systemError(const char *what, const QString &path)
{
    return QStringLiteral("%1 %2: %3")
        .arg(QString::fromLatin1(what), path, QString::fromLocal8Bit(std::strerror(errno)));
}

int openForSync(const QString &path, int flags)
{
    int fd;
    do {
        fd = ::open(QFile::encodeName(path).constData(), flags | O_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    return fd;
}

} // namespace

QString syncFileSystem(const QString &path)
{
    const int fd = openForSync(path, O_RDONLY | O_DIRECTORY);
    if (fd < 0)
        return systemError("open", path);
#if defined(__linux__)
    const int rc = ::syncfs(fd);
#else
    ::sync(); // no per-file-system call; sync(2) waits for the writes on BSD and macOS too
    const int rc = 0;
#endif
    QString error;
    if (rc != 0)
        error = systemError("syncfs", path);
    ::close(fd);
    return error;
}

QString syncDirectory(const QString &path)
{
    const int fd = openForSync(path, O_RDONLY | O_DIRECTORY);
    if (fd < 0)
        return systemError("open", path);
    QString error;
    if (::fsync(fd) != 0)
        error = systemError("fsync", path);
    ::close(fd);
    return error;
}

QString syncFile(int fd)
{
#if defined(__linux__)
    if (::fdatasync(fd) != 0)
#else
    if (::fsync(fd) != 0)
#endif
        return systemError("fsync", QString::number(fd));
    return {};
}

QString renameFile(const QString &from, const QString &to)
{
    if (std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0)
        return systemError("rename", from);
    return {};
}

} // namespace Pop3Connector::DurableFs
