#pragma once

#include "config/configuration.h"

#include <QByteArray>
#include <QString>

namespace Pop3Connector {

// A configuration file's text, changed by a program without undoing what its administrator wrote:
// the manager edits the configuration as a Configuration, and sends the service the file's text
// with only what changed rewritten.
class ConfigurationText
{
public:
    // `text`, the file at `path`, changed to say `next`: a key whose value changed is rewritten
    // on its own line (or added at the end of its section, or removed when `next` leaves it to
    // its default and the file did not say it); every other line, comments and blank lines
    // included, stays as it was, relative paths too. A new mailbox's section goes at the end, a
    // removed mailbox's section goes with its lines. `next` read back from the result equals
    // `next`.
    static QByteArray rewrite(
        const QByteArray &text, const QString &path, const Configuration &next);
    // The whole file for `configuration`, every key as ConfigurationFile::save() writes it.
    static QByteArray write(const Configuration &configuration);
    // `value` as a value of the file: quoted (with \" and \\) when INI would read it otherwise.
    // `list`: its commas separate items, as the list keys take them.
    static QString quoted(const QString &value, bool list = false);
};

} // namespace Pop3Connector
