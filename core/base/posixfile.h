#pragma once

#include "base/result.h"

#include <QByteArray>
#include <QString>

#include <sys/types.h>
#include <utility>

namespace Pop3Connector {

namespace DurableFs {
// An error from errno, worded "what path: reason" (`what` a QT_TRANSLATE_NOOP text in the
// context "Pop3Connector::DurableFs"), with the code that tells a full disk from a permission
// problem.
Error systemError(int error, const char *what, const QString &path);
} // namespace DurableFs

// The few POSIX helpers the durable layer is built on.
namespace Posix {

QByteArray native(const QString &path);
// open(2) with O_CLOEXEC, retried on EINTR.
int retryOpen(const QByteArray &path, int flags, mode_t mode = 0);
// NotARegularFile: "PATH is not a regular file".
Error notRegular(const QString &path);

// A descriptor closed on every path out of a function.
class Descriptor
{
public:
    explicit Descriptor(int fd)
        : m_fd(fd)
    { }
    ~Descriptor();
    Descriptor(const Descriptor &) = delete;
    Descriptor &operator=(const Descriptor &) = delete;
    int get() const { return m_fd; }
    int release() { return std::exchange(m_fd, -1); }

private:
    int m_fd;
};

} // namespace Posix
} // namespace Pop3Connector
