"""Colour-vision checks for tests: deficiency simulation, colour difference and WCAG contrast.

Simulation: Machado, Oliveira & Fernandes (2009), "A physiologically-based model for simulation of
color vision deficiency", matrices for severity 1.0 (full dichromacy), applied to linear RGB.
Colour difference: CIEDE2000 on CIELAB (D65). Contrast: WCAG 2.x relative luminance.
"""

from __future__ import annotations

import itertools

import numpy as np

MACHADO = {
    "protanopia": np.array(
        [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]
    ),
    "deuteranopia": np.array(
        [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]
    ),
    "tritanopia": np.array(
        [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]]
    ),
}
DEFICIENCIES = tuple(MACHADO)


def hex_to_rgb(colour: str) -> np.ndarray:
    """'#1f77b4' or 'rgb(31, 119, 180)' to sRGB in 0..1."""
    colour = colour.strip()
    if colour.startswith("rgb"):
        parts = colour[colour.index("(") + 1 : colour.index(")")].split(",")[:3]
        return np.array([float(p) for p in parts]) / 255
    colour = colour.lstrip("#")
    if len(colour) == 3:
        colour = "".join(c * 2 for c in colour)
    return np.array([int(colour[i : i + 2], 16) for i in (0, 2, 4)]) / 255


def to_linear(srgb: np.ndarray) -> np.ndarray:
    srgb = np.asarray(srgb, dtype=float)
    return np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)


def to_srgb(linear: np.ndarray) -> np.ndarray:
    linear = np.clip(linear, 0, 1)
    return np.where(linear <= 0.0031308, linear * 12.92, 1.055 * linear ** (1 / 2.4) - 0.055)


def simulate(srgb: np.ndarray, deficiency: str) -> np.ndarray:
    """How colours (sRGB 0..1, any shape ending in 3) look with the given deficiency."""
    return to_srgb(to_linear(srgb) @ MACHADO[deficiency].T)


def to_lab(srgb: np.ndarray) -> np.ndarray:
    """sRGB (0..1, shape (..., 3)) to CIELAB under D65."""
    xyz = (
        to_linear(srgb)
        @ np.array(
            [
                [0.4124564, 0.3575761, 0.1804375],
                [0.2126729, 0.7151522, 0.0721750],
                [0.0193339, 0.1191920, 0.9503041],
            ]
        ).T
    )
    xyz = xyz / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.stack(
        [116 * f[..., 1] - 16, 500 * (f[..., 0] - f[..., 1]), 200 * (f[..., 1] - f[..., 2])], axis=-1
    )


def delta_e(lab1: np.ndarray, lab2: np.ndarray) -> np.ndarray:
    """CIEDE2000 colour difference between Lab colours (broadcasting)."""
    l1, a1, b1 = np.moveaxis(np.asarray(lab1, dtype=float), -1, 0)
    l2, a2, b2 = np.moveaxis(np.asarray(lab2, dtype=float), -1, 0)
    c_mean = (np.hypot(a1, b1) + np.hypot(a2, b2)) / 2
    g = 0.5 * (1 - np.sqrt(c_mean**7 / (c_mean**7 + 25**7)))
    a1p, a2p = a1 * (1 + g), a2 * (1 + g)
    c1p, c2p = np.hypot(a1p, b1), np.hypot(a2p, b2)
    h1p = np.degrees(np.arctan2(b1, a1p)) % 360
    h2p = np.degrees(np.arctan2(b2, a2p)) % 360
    dl, dc = l2 - l1, c2p - c1p
    dh = h2p - h1p
    dh = np.where(dh > 180, dh - 360, np.where(dh < -180, dh + 360, dh))
    dh = np.where(c1p * c2p == 0, 0, dh)
    dhh = 2 * np.sqrt(c1p * c2p) * np.sin(np.radians(dh / 2))
    l_mean, cp_mean = (l1 + l2) / 2, (c1p + c2p) / 2
    h_sum = h1p + h2p
    h_mean = np.where(
        c1p * c2p == 0,
        h_sum,
        np.where(
            np.abs(h1p - h2p) <= 180, h_sum / 2, np.where(h_sum < 360, (h_sum + 360) / 2, (h_sum - 360) / 2)
        ),
    )
    t = (
        1
        - 0.17 * np.cos(np.radians(h_mean - 30))
        + 0.24 * np.cos(np.radians(2 * h_mean))
        + 0.32 * np.cos(np.radians(3 * h_mean + 6))
        - 0.20 * np.cos(np.radians(4 * h_mean - 63))
    )
    sl = 1 + 0.015 * (l_mean - 50) ** 2 / np.sqrt(20 + (l_mean - 50) ** 2)
    sc = 1 + 0.045 * cp_mean
    sh = 1 + 0.015 * cp_mean * t
    rt = (
        -2
        * np.sqrt(cp_mean**7 / (cp_mean**7 + 25**7))
        * np.sin(np.radians(60 * np.exp(-(((h_mean - 275) / 25) ** 2))))
    )
    return np.sqrt((dl / sl) ** 2 + (dc / sc) ** 2 + (dhh / sh) ** 2 + rt * (dc / sc) * (dhh / sh))


def closest_pairs(colours: list[str], deficiency: str | None = None) -> list[tuple[float, str, str]]:
    """Every pair of colours with its CIEDE2000 difference (as seen with ``deficiency``), closest first."""
    if len(colours) < 2:
        return []
    rgb = np.array([hex_to_rgb(c) for c in colours])
    if deficiency:
        rgb = simulate(rgb, deficiency)
    lab = to_lab(rgb)
    pairs = [
        (float(delta_e(lab[i], lab[j])), colours[i], colours[j])
        for i, j in itertools.combinations(range(len(colours)), 2)
    ]
    return sorted(pairs)


def luminance(srgb: np.ndarray) -> float:
    """WCAG relative luminance."""
    r, g, b = to_linear(srgb)
    return float(0.2126 * r + 0.7152 * g + 0.0722 * b)


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio (1..21) of two colours."""
    light, dark = sorted([luminance(hex_to_rgb(foreground)), luminance(hex_to_rgb(background))], reverse=True)
    return (light + 0.05) / (dark + 0.05)
