#pragma once

#include "base/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>
#include <sys/types.h>

namespace Pop3Connector::Control {

// Who is at the other end of a local socket, as the kernel recorded it when the peer connected
// (SO_PEERCRED, SO_PEERGROUPS): not what the peer says of itself.
struct Peer
{
    qint64 pid = 0;
    uid_t uid = uid_t(-1);
    gid_t gid = gid_t(-1);
    QList<gid_t> groups; // supplementary groups; empty where the kernel does not tell them

    // "alice", or "uid 1234" for a user the passwd database does not know.
    QString userName() const;
    // "user alice (uid 1000, process 4242)", for events and replies.
    QString describe() const;
};

// The credentials of the peer of a connected Unix domain socket.
[[nodiscard]] Result<Peer> peerOf(qintptr socketDescriptor);

// Who may administer the service (docs/control-protocol.md "Who may connect"): root, the
// service's own user, and members of the administrators' group, by the primary or a
// supplementary group of the connecting process (so a user added to the group logs in again).
struct AccessPolicy
{
    uid_t serviceUid = uid_t(-1);
    std::optional<gid_t> administrators; // none: the group does not exist here
};
bool isAllowed(const Peer &peer, const AccessPolicy &policy);

// The policy of a service running as this process, with `group` as its administrators' group.
AccessPolicy accessPolicyFor(const QString &group);
// The id of a group, if it exists.
std::optional<gid_t> groupId(const QString &name);

} // namespace Pop3Connector::Control
