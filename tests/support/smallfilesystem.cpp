#include "smallfilesystem.h"

#include <QDir>
#include <QFile>
#include <QProcess>

#include <fcntl.h>
#include <sys/statvfs.h>
#include <unistd.h>

SmallFileSystem::SmallFileSystem(qint64 bytes, Kind kind, const QString &mountPoint)
{
    if (::geteuid() != 0) {
        m_error = QStringLiteral("mounting a small file system needs root");
        return;
    }
    m_mount = mountPoint.isEmpty() ? m_dir.path() + QStringLiteral("/fs") : mountPoint;
    QDir().mkpath(m_mount);
    int rc = 0;
    if (kind == Kind::Tmpfs) {
        rc = QProcess::execute(QStringLiteral("mount"),
            {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                QStringLiteral("size=%1,mode=0700").arg(bytes), QStringLiteral("tmpfs"), m_mount});
    } else {
        const QString image = m_dir.path() + QStringLiteral("/fs.img");
        QFile file(image);
        QStringList mkfs {QStringLiteral("-q"), QStringLiteral("-F")};
        if (kind == Kind::Ext4WithoutJournal)
            mkfs << QStringLiteral("-O") << QStringLiteral("^has_journal");
        rc = file.open(QIODevice::WriteOnly) && file.resize(bytes) ? 0 : -1;
        file.close();
        if (rc == 0)
            rc = QProcess::execute(QStringLiteral("mkfs.ext4"), mkfs << image);
        if (rc == 0)
            rc = QProcess::execute(QStringLiteral("mount"),
                {QStringLiteral("-o"), QStringLiteral("loop"), image, m_mount});
    }
    if (rc != 0) {
        m_error = QStringLiteral("mounting a small file system failed (%1)").arg(rc);
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
