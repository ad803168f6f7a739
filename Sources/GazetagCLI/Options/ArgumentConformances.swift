import ArgumentParser
import Gazetag

extension OffsetUnit: ExpressibleByArgument {}
extension OverlapPolicy: ExpressibleByArgument {}
extension MatchingProfile: ExpressibleByArgument {}
extension TextDecoding.InvalidPolicy: ExpressibleByArgument {}
