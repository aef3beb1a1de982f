#include "service/controlpeer.h"

#include <QByteArray>

#include <cerrno>
#include <grp.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Pop3Connector::Control {

QString Peer::userName() const
{
    passwd entry = {};
    passwd *found = nullptr;
    QByteArray buffer(16 * 1024, Qt::Uninitialized);
    if (::getpwuid_r(uid, &entry, buffer.data(), size_t(buffer.size()), &found) == 0 && found)
        return QString::fromLocal8Bit(entry.pw_name);
    return QStringLiteral("uid %1").arg(uid);
}

QString Peer::describe() const
{
    return QCoreApplication::translate("Pop3Connector::Control", "user %1 (uid %2, process %3)")
        .arg(userName())
        .arg(uid)
        .arg(pid);
}

Result<Peer> peerOf(qintptr socketDescriptor)
{
    const int fd = int(socketDescriptor);
    ucred credentials = {};
    socklen_t length = sizeof credentials;
    if (::getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &credentials, &length) != 0) {
        return Error {ErrorCode::PermissionDenied,
            QCoreApplication::translate("Pop3Connector::Control",
                "the credentials of a control connection cannot be read: %1")
                .arg(QString::fromLocal8Bit(::strerror(errno)))};
    }
    Peer peer;
    peer.pid = credentials.pid;
    peer.uid = credentials.uid;
    peer.gid = credentials.gid;
#ifdef SO_PEERGROUPS
    // The kernel's list of the peer's supplementary groups (Linux 4.13); ERANGE says how much
    // room it needs.
    QList<gid_t> groups(64);
    for (int attempt = 0; attempt < 4; ++attempt) {
        socklen_t bytes = socklen_t(groups.size() * sizeof(gid_t));
        if (::getsockopt(fd, SOL_SOCKET, SO_PEERGROUPS, groups.data(), &bytes) == 0) {
            groups.resize(qsizetype(bytes / sizeof(gid_t)));
            peer.groups = groups;
            break;
        }
        if (errno != ERANGE)
            break;
        groups.resize(qsizetype(bytes / sizeof(gid_t)) + 1);
    }
#endif
    return peer;
}

bool isAllowed(const Peer &peer, const AccessPolicy &policy)
{
    if (peer.uid == 0 || peer.uid == policy.serviceUid)
        return true;
    if (!policy.administrators)
        return false;
    return peer.gid == *policy.administrators || peer.groups.contains(*policy.administrators);
}

std::optional<gid_t> groupId(const QString &name)
{
    group entry = {};
    group *found = nullptr;
    QByteArray buffer(64 * 1024, Qt::Uninitialized);
    if (::getgrnam_r(
            name.toLocal8Bit().constData(), &entry, buffer.data(), size_t(buffer.size()), &found)
            == 0
        && found)
        return found->gr_gid;
    return std::nullopt;
}

AccessPolicy accessPolicyFor(const QString &group)
{
    return AccessPolicy {::geteuid(), groupId(group)};
}

} // namespace Pop3Connector::Control
