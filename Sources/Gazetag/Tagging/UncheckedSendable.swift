/// Lets a buffer whose elements each task writes alone cross into concurrent code.
struct UncheckedSendable<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}
