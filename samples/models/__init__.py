from samples.models.check import Discrepancy, Measurement
from samples.models.letter import CommentLetter
from samples.models.master import StyleMasterFile
from samples.models.sample import SamplePiece, SampleRequest

__all__ = [
    "CommentLetter",
    "Discrepancy",
    "Measurement",
    "SamplePiece",
    "SampleRequest",
    "StyleMasterFile",
]
