// A non-owning reference to something callable, for callbacks that run before the call returns:
// no allocation and no copy of the callable, unlike std::function. (std::function_ref is C++26.)
//
//   void each_task(FunctionRef<void(const Task&)> visit);
//   each_task([&](const Task& t) { tasks.push_back(t); });
#pragma once

#include <memory>
#include <type_traits>
#include <utility>

namespace haven {

template <class Signature>
class FunctionRef;

template <class R, class... Args>
class FunctionRef<R(Args...)> {
 public:
  template <class F>
    requires(!std::is_same_v<std::remove_cvref_t<F>, FunctionRef> && std::is_invocable_r_v<R, F&, Args...>)
  FunctionRef(F&& f) noexcept  // NOLINT(google-explicit-constructor): passed like a lambda
      : object_(const_cast<void*>(static_cast<const void*>(std::addressof(f)))),
        call_([](void* object, Args... args) -> R {
          return (*static_cast<std::remove_reference_t<F>*>(object))(std::forward<Args>(args)...);
        }) {}

  R operator()(Args... args) const { return call_(object_, std::forward<Args>(args)...); }

 private:
  void* object_;
  R (*call_)(void*, Args...);
};

}  // namespace haven
