#include "spool/spoollock.h"

#include "base/durablefs.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace Pop3Connector {

SpoolLock::SpoolLock(const QString &spoolRoot)
    : m_root(spoolRoot)
    , m_path(spoolRoot + QStringLiteral("/state/connector.lock"))
{ }

QString SpoolLock::acquire()
{
    if (Status made = DurableFs::makeDirectory(QFileInfo(m_path).absolutePath()); !made)
        return made.error().message;
    m_lock = std::make_unique<QLockFile>(m_path);
    m_lock->setStaleLockTime(0); // only a dead owner makes it stale, never its age
    if (m_lock->tryLock(0))
        return protect();
    if (m_lock->error() == QLockFile::LockFailedError) {
        qint64 pid = 0;
        QString host;
        QString app;
        if (!m_lock->getLockInfo(&pid, &host, &app)) {
            // A lock file without an owner: its creator was killed between creating and filling
            // it (or is filling it right now). Give a live creator a moment, then take it over.
            if (m_lock->tryLock(2000))
                return protect();
            if (!m_lock->getLockInfo(&pid, &host, &app)) {
                m_lock->removeStaleLockFile();
                if (m_lock->tryLock(0))
                    return protect();
            }
        }
        if (m_lock->getLockInfo(&pid, &host, &app)) {
            return QCoreApplication::translate("Pop3Connector::SpoolLock",
                "the spool %1 is in use by %2 (process %3 on %4); stop it first, or give "
                "this connector another spool")
                .arg(m_root, app)
                .arg(pid)
                .arg(host);
        }
    }
    return QCoreApplication::translate("Pop3Connector::SpoolLock",
        "cannot lock %1: check the "
        "permissions of the spool "
        "folder")
        .arg(m_path);
}

QString SpoolLock::protect()
{
    // QLockFile creates the file with the process's umask; like everything in the spool it is
    // the service user's alone.
    QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return {};
}

void SpoolLock::release()
{
    m_lock.reset();
}

bool SpoolLock::isHeld() const
{
    return m_lock && m_lock->isLocked();
}

} // namespace Pop3Connector
