#pragma once

#include <QString>

namespace Pop3Connector {

// The few file-system calls durability rests on (DESIGN.md "Durability"). Each returns an
// empty string on success, else the system's reason.
namespace DurableFs {

// Makes the data and metadata of every file written so far on the file system holding `path`
// durable: one syncfs() on Linux, which costs the same for one file or a thousand, so
// batches of messages are made durable together (group commit).
[[nodiscard]] QString syncFileSystem(const QString &path);
// Makes the entries of a folder (renames into it) durable.
[[nodiscard]] QString syncDirectory(const QString &path);
// Makes one file's data durable.
[[nodiscard]] QString syncFile(int fd);
// rename(2): atomic within one file system, replacing `to` if it exists.
[[nodiscard]] QString renameFile(const QString &from, const QString &to);

} // namespace DurableFs
} // namespace Pop3Connector
