import type { Config } from 'tailwindcss';

/**
 * Pass Studio's theme. Loaded by `src/app/styles.css` through `@config`, so every colour, font
 * and radius the app uses is defined here.
 */
export default {
  content: ['./index.html', './src/app/**/*.{ts,tsx}'],
  theme: {
    extend: {
      colors: {
        brand: {
          50: '#EEF4FF',
          100: '#DCE7FE',
          200: '#B9CFFD',
          300: '#8AAEF9',
          400: '#5A86F2',
          500: '#3A63E6',
          600: '#2A4BCB',
          700: '#243CA4',
          800: '#223682',
          900: '#1F3068',
        },
        ink: {
          DEFAULT: '#111827',
          muted: '#4B5563',
          subtle: '#5B6270',
          inverse: '#FFFFFF',
        },
        surface: {
          DEFAULT: '#FFFFFF',
          sunken: '#F5F6F8',
          raised: '#FFFFFF',
          border: '#E3E6EB',
          strong: '#C9CED6',
        },
        success: { 50: '#ECFDF3', 600: '#067647', 700: '#05603A' },
        warning: { 50: '#FFFAEB', 600: '#B54708', 700: '#93370D' },
        danger: { 50: '#FEF3F2', 600: '#D92D20', 700: '#B42318' },
        apple: '#111111',
        google: '#1A73E8',
      },
      fontFamily: {
        sans: [
          'Inter',
          'ui-sans-serif',
          'system-ui',
          '-apple-system',
          'Segoe UI',
          'Roboto',
          'Helvetica Neue',
          'Arial',
          'sans-serif',
        ],
        mono: ['ui-monospace', 'SFMono-Regular', 'Menlo', 'Consolas', 'monospace'],
      },
      borderRadius: {
        card: '0.75rem',
        pass: '1rem',
      },
      boxShadow: {
        card: '0 1px 2px rgb(16 24 40 / 0.06), 0 1px 3px rgb(16 24 40 / 0.1)',
        pop: '0 12px 24px -6px rgb(16 24 40 / 0.18), 0 4px 8px -4px rgb(16 24 40 / 0.08)',
      },
      keyframes: {
        flash: {
          '0%': { backgroundColor: 'rgb(254 240 138)' },
          '100%': { backgroundColor: 'transparent' },
        },
      },
      animation: {
        flash: 'flash 1.6s ease-out',
      },
    },
  },
} satisfies Config;
