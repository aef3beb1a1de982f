#include "smallfilesystem.h"

#include <QDir>
#include <QFile>
#include <QProcess>

#include <fcntl.h>
#include <sys/statvfs.h>
#include <unistd.h>

SmallFileSystem::SmallFileSystem(qint64 bytes)
{
    if (::geteuid() != 0) {
        m_error = QStringLiteral("mounting a small file system needs root");
        return;
    }
    m_mount = m_dir.path() + QStringLiteral("/fs");
    QDir().mkpath(m_mount);
    const int rc = QProcess::execute(QStringLiteral("mount"),
        {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
            QStringLiteral("size=%1,mode=0700").arg(bytes), QStringLiteral("tmpfs"), m_mount});
    if (rc != 0) {
        m_error = QStringLiteral("mount -t tmpfs failed (%1)").arg(rc);
        m_mount.clear();
    }
}

SmallFileSystem::~SmallFileSystem()
{
    if (!m_mount.isEmpty())
        QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), m_mount});
}

qint64 SmallFileSystem::freeBytes() const
{
    struct statvfs st
    {
    };
    if (::statvfs(QFile::encodeName(m_mount).constData(), &st) != 0)
        return -1;
    return qint64(st.f_bavail) * qint64(st.f_frsize);
}

QString SmallFileSystem::fill(qint64 leave)
{
    release();
    const int fd = ::open(QFile::encodeName(m_mount + QStringLiteral("/filler")).constData(),
        O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return QStringLiteral("cannot create the filler");
    const QByteArray page(4096, 'f');
    qint64 free = freeBytes();
    while (free > leave) {
        const qint64 chunk = std::min<qint64>(free - leave, page.size());
        if (::write(fd, page.constData(), size_t(chunk)) <= 0)
            break;
        free = freeBytes();
    }
    ::close(fd);
    return {};
}

void SmallFileSystem::release()
{
    QFile::remove(m_mount + QStringLiteral("/filler"));
}
