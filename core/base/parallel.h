#pragma once

#include "base/result.h"

#include <QtGlobal>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

namespace Pop3Connector {

// Runs work(0) ... work(count - 1) on up to `maxThreads` threads (the caller's among them) and
// returns the first failure, after every item was tried: for file-system calls that each wait on
// the disk (an unlink, an fdatasync), which the kernel serves faster side by side than one by one.
template<typename Work>
Status forEachInParallel(qsizetype count, qsizetype maxThreads, Work work)
{
    std::atomic<qsizetype> next {0};
    std::mutex failureMutex;
    Status failure;
    const auto run = [&] {
        for (qsizetype i = next++; i < count; i = next++) {
            Status done = work(i);
            if (!done) {
                const std::lock_guard<std::mutex> lock(failureMutex);
                if (failure)
                    failure = std::move(done);
            }
        }
    };
    std::vector<std::jthread> helpers;
    for (qsizetype t = 1; t < std::min(maxThreads, count); ++t)
        helpers.emplace_back(run);
    run();
    helpers.clear(); // joined
    return failure;
}

} // namespace Pop3Connector
