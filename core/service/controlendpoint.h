#pragma once

#include "config/configuration.h"

#include <QString>

namespace Pop3Connector::Control {

// Where the service of a configuration listens, for the service and each of its clients alike
// (docs/control-protocol.md "Where the socket is"): [connector] control_socket; else
// /run/pop3connector/control for the system configuration (the unit's RuntimeDirectory=); else
// `runtimeDirectory`/pop3connector/control-HASH (HASH: the first 12 hex digits of the SHA-256 of
// the configuration's absolute path, one service per configuration); and where there is no
// runtime directory (no login session), the spool's state/control.
QString socketPath(const Configuration &configuration, const QString &runtimeDirectory);
// The same with $XDG_RUNTIME_DIR.
QString socketPath(const Configuration &configuration);

// One line telling an administrator how to start the service of this configuration.
QString howToStart(const Configuration &configuration);

} // namespace Pop3Connector::Control
