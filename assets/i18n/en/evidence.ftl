# A scored reply's reasons, one a line: what earned points (+) and what cost them (−).
# $reason is the scorer's explanation.

evidence-plus = + { $reason }
evidence-minus = − { $reason }
